#pragma once

// The one exception hierarchy of vendorcat. cli::run maps it to exit codes:
// UsageError, NotFound and ValidationError are bad input (exit 2, nothing
// written); DatabaseError, IoError and anything else exit 1.

#include <stdexcept>
#include <string>

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
