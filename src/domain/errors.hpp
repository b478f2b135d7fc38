#pragma once

// The one exception hierarchy of vendorcat. cli::run maps it to exit codes:
// UsageError, NotFound and ValidationError are bad input (exit 2, nothing
// written); DatabaseError, IoError and anything else exit 1.

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vendorcat {

class Error : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

// Bad input: the user can fix it by changing the command line or the file.
class InputError : public Error
{
public:
  using Error::Error;
};

// A malformed command line or an option that makes no sense here.
class UsageError : public InputError
{
public:
  using InputError::InputError;
};

// A named record (provider, service, engagement, ...) that does not exist.
class NotFound : public InputError
{
public:
  using InputError::InputError;
};

// A value that breaks a domain rule: a bad date, amount, code or duplicate.
class ValidationError : public InputError
{
public:
  using InputError::InputError;
};

// A ValidationError about one field, named as its import column
// (`end_date`), so that an import can say which column is wrong.
class FieldError : public ValidationError
{
public:
  FieldError(std::string field, const std::string& message)
    : ValidationError(message), m_field(std::move(field))
  {
  }

  const std::string& field() const { return m_field; }

private:
  std::string m_field;
};

// Several fields of one record that are each bad, so that an import can
// report every bad cell of a row: one message joins them all.
class FieldErrors : public ValidationError
{
public:
  struct Problem
  {
    std::string field;
    std::string message;
  };

  explicit FieldErrors(std::vector<Problem> problems)
    : ValidationError(joined(problems)), m_problems(std::move(problems))
  {
  }

  const std::vector<Problem>& problems() const { return m_problems; }

private:
  static std::string joined(const std::vector<Problem>& problems)
  {
    std::string text;
    for (const auto& problem : problems) {
      text += (text.empty() ? "" : "; ") + problem.message;
    }
    return text;
  }

  std::vector<Problem> m_problems;
};

// Checks a record's fields one by one, keeping every bad one instead of
// stopping at the first: each step that throws is a problem of its field.
class FieldChecks
{
public:
  // Runs STEP; a FieldError keeps its own field, any other InputError is
  // FIELD's. Returns whether STEP passed.
  template<typename Step>
  bool check(const char* field, Step&& step)
  {
    try {
      step();
      return true;
    } catch (const FieldErrors& errors) {
      m_problems.insert(m_problems.end(), errors.problems().begin(), errors.problems().end());
      keep_first();
    } catch (const FieldError& error) {
      m_problems.push_back({error.field(), error.what()});
      keep_first();
    } catch (const InputError& error) {
      m_problems.push_back({field, error.what()});
      keep_first();
    }
    return false;
  }

  bool passed() const { return m_problems.empty(); }

  // Throws what was found: a single error as it was thrown, several as
  // FieldErrors.
  void throw_if_any()
  {
    if (m_problems.size() == 1) {
      std::rethrow_exception(m_first);
    }
    if (!m_problems.empty()) {
      throw FieldErrors(std::move(m_problems));
    }
  }

private:
  // Inside a handler: the exception being handled, when it is the first.
  void keep_first()
  {
    if (!m_first) {
      m_first = std::current_exception();
    }
  }

  std::vector<FieldErrors::Problem> m_problems;
  std::exception_ptr m_first;
};

// The catalogue cannot be read or written (damaged, locked, too new, ...).
class DatabaseError : public Error
{
public:
  using Error::Error;
};

// A file or stream could not be read or written.
class IoError : public Error
{
public:
  using Error::Error;
};

} // namespace vendorcat
