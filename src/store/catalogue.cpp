// The catalogue and its write transaction, over whichever backend holds it
// (the SQLite file in store/sqlite/, a PostgreSQL server in store/postgres/).

#include "store/catalogue.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/postgres/backend.hpp"
#include "store/sqlite/backend.hpp"

#include <fmt/format.h>

#include <chrono>
#include <random>
#include <thread>

namespace vendorcat::store {

Catalogue::Catalogue(std::string path, std::unique_ptr<Backend> backend, bool writable)
  : m_path(std::move(path)), m_writable(writable), m_backend(std::move(backend))
{
}

Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

Catalogue Catalogue::open(const std::filesystem::path& path, Access access, EmptyFile empty)
{
  if (postgres::is_uri(path.string())) {
    auto server = std::make_unique<postgres::PostgresBackend>(path.string());
    return Catalogue(postgres::display_name(path.string()), std::move(server), true);
  }
  bool writable = true;
  auto database = sqlite::open_file(path, access == Access::read, empty == EmptyFile::initialise, writable);
  return Catalogue(path.string(), std::move(database), writable);
}

Catalogue Catalogue::open_in_memory()
{
  return Catalogue(":memory:", sqlite::open_memory(), true);
}

bool is_server_uri(std::string_view target)
{
  return postgres::is_uri(target);
}

Connection& connection(Catalogue& catalogue)
{
  return *catalogue.m_backend;
}

std::optional<std::int64_t>& import_batch_slot(Catalogue& catalogue)
{
  return catalogue.m_import_batch;
}

Backend& backend(Catalogue& catalogue)
{
  return *catalogue.m_backend;
}

std::shared_ptr<const Reference>& reference_cache(Catalogue& catalogue)
{
  return catalogue.m_reference;
}

WriteTransaction::WriteTransaction(Catalogue& catalogue, Workload workload) : m_catalogue(catalogue)
{
  auto& database = backend(catalogue);
  try {
    if (workload != Workload::single) {
      m_foreign_keys_suspended = database.suspend_foreign_keys();
    }
    database.begin(TransactionKind::write);
    m_open = true;
    if (workload == Workload::bulk_load) {
      database.begin_bulk_load();
      m_bulk_load = true;
    }
  } catch (const TransactionConflict&) {
    end();
    throw;
  } catch (const SqlError& error) {
    end();
    throw_database_error(catalogue, "starting a write", error);
  }
}

WriteTransaction::~WriteTransaction()
{
  end();
}

void WriteTransaction::settle()
{
  if (!m_bulk_load) {
    return;
  }
  try {
    backend(m_catalogue).finish_bulk_load();
    m_bulk_load = false;
  } catch (const SqlError& error) {
    throw_database_error(m_catalogue, "committing", error);
  }
}

void WriteTransaction::commit()
{
  settle();
  try {
    backend(m_catalogue).commit();
    m_open = false;
  } catch (const TransactionConflict&) {
    m_open = false; // a failed COMMIT has ended the transaction
    throw;
  } catch (const SqlError& error) {
    throw_database_error(m_catalogue, "committing", error);
  }
  end();
}

void WriteTransaction::end() noexcept
{
  auto& database = backend(m_catalogue);
  if (m_open) {
    database.rollback();
    m_open = false;
  }
  if (m_foreign_keys_suspended) {
    database.enforce_foreign_keys();
    m_foreign_keys_suspended = false;
  }
}

void throw_database_error(const Catalogue& catalogue, const std::string& what, const std::exception& error)
{
  if (dynamic_cast<const ReadOnlyRole*>(&error) != nullptr) {
    throw DatabaseError(error.what()); // it names the role and the database itself
  }
  throw DatabaseError(fmt::format("{} in catalogue '{}': {}", what, catalogue.path(), error.what()));
}

void run_guarded(Catalogue& catalogue, const std::function<void()>& command)
{
  try {
    command();
  } catch (const SqlError& error) {
    throw_database_error(catalogue, "the command stopped (nothing of it was written)", error);
  }
}

void retry_conflicts(const std::function<void()>& attempt)
{
  constexpr int attempts = 8;
  for (int tried = 1;; ++tried) {
    try {
      attempt();
      return;
    } catch (const TransactionConflict&) {
      if (tried == attempts) {
        throw;
      }
      // A short wait, longer each time, with some randomness so that the
      // writers that collided do not collide again.
      static std::minstd_rand random(std::random_device{}());
      std::this_thread::sleep_for(std::chrono::milliseconds(tried * 10 + static_cast<int>(random() % 20)));
    }
  }
}

} // namespace vendorcat::store
