// The texts of `vendorcat help TOPIC` beside bpo-kpo. Lists and numbers come
// from the code that defines them (the delivery models, the import kinds,
// the renewal term, the limits of amounts and rates), so a text cannot name a
// kind or a default the binary does not have; the words follow README.md and
// CLI.md.

#include "cli/help_topics.hpp"

#include "domain/amount.hpp"
#include "domain/classification.hpp"
#include "domain/rate.hpp"
#include "domain/renewal.hpp"
#include "io/import.hpp"
#include "io/kind.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

// "a, b, c" of the kinds, wrapped after WIDTH columns with INDENT.
std::string kind_list(std::size_t width, const std::string& indent)
{
  std::string text = indent;
  std::size_t column = indent.size();
  const auto& kinds = io::all_kinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto word = fmt::format("{}{}", io::to_string(kinds[i]), i + 1 < kinds.size() ? "," : "");
    if (column > indent.size() && column + 1 + word.size() > width) {
      text += fmt::format("\n{}", indent);
      column = indent.size();
    }
    text += fmt::format("{}{}", column > indent.size() ? " " : "", word);
    column += word.size() + (column > indent.size() ? 1 : 0);
  }
  return text + "\n";
}

} // namespace

std::string delivery_models_topic()
{
  std::string models;
  for (const auto model : domain::all_delivery_models) {
    models += fmt::format("{}{}", models.empty() ? "" : ", ", domain::to_string(model));
  }
  return fmt::format("Delivery models\n"
                     "\n"
                     "An engagement's delivery model, one of {}, says\n"
                     "where its work is delivered from, seen from the client's home country:\n"
                     "\n"
                     "  onshore    delivered from the home country itself;\n"
                     "  nearshore  from another country of the same UN M49 region (Europe,\n"
                     "             Americas, Africa, Asia, Oceania);\n"
                     "  offshore   from a country of another region.\n"
                     "\n"
                     "vendorcat derives it from the catalogue's home country ('vendorcat config\n"
                     "set home-country FI') and the engagement's --delivery-country, with the\n"
                     "regions of the UN M49 standard compiled into the binary. With home country\n"
                     "FI, delivery from FI is onshore, from EE (Europe) nearshore and from IN\n"
                     "(Asia) offshore. Antarctica (AQ) has no region: delivery from it is\n"
                     "offshore unless it is the home country.\n"
                     "\n"
                     "A derived model has model_source 'derived' and follows the catalogue:\n"
                     "changing the home country derives every derived model again. '--model'\n"
                     "on 'engagement add' or 'engagement update' sets it by hand (model_source\n"
                     "'explicit'), and it then stays as given; '--model \"\"' lets vendorcat\n"
                     "derive it again. Without a home country, an engagement needs --model.\n"
                     "\n"
                     "  vendorcat engagement show ENG-1    # nearshore: delivered from EE, home\n"
                     "                                     # country FI, both in Europe\n"
                     "  vendorcat provider list --model offshore\n"
                     "  vendorcat report spend --by model --period quarter\n"
                     "\n"
                     "'provider list --region' takes a UN M49 region or sub-region name\n"
                     "('Europe', 'Northern Europe', 'South-eastern Asia').\n",
                     models);
}

std::string money_topic()
{
  return fmt::format("Money\n"
                     "\n"
                     "Amounts are exact. vendorcat keeps each one as a whole number of its\n"
                     "currency's minor units (EUR 2 decimals, JPY 0, KWD 3) and never as a\n"
                     "binary floating-point number. On the command line and in files an amount\n"
                     "is a decimal string in major units: '1234.50', '-80.00' for a credit note.\n"
                     "An amount with more decimals than its currency has is refused, never\n"
                     "rounded; so is one beyond {} minor units, a plus sign, spaces\n"
                     "or thousands separators. JSON output writes amounts as strings, exact in\n"
                     "any reader.\n"
                     "\n"
                     "Currencies are ISO 4217 codes (any letter case on input). The catalogue\n"
                     "has one base currency ('vendorcat config set base-currency EUR'); an\n"
                     "engagement's currency defaults to it, a spend line's to its engagement's.\n"
                     "\n"
                     "Exchange rates are set per currency and month:\n"
                     "\n"
                     "  vendorcat fx set USD 2026-03 0.9214    # 1 USD = 0.9214 base units\n"
                     "\n"
                     "that is 1 CUR = RATE units of the base currency, an exact decimal of at\n"
                     "most {} digits before the point and {} after it.\n"
                     "\n"
                     "Reports convert month by month: 'report spend' sums each currency and\n"
                     "month exactly, converts each sum with that month's rate and rounds once,\n"
                     "per output cell, half to even (2.345 -> 2.34, 2.355 -> 2.36). A line\n"
                     "already in the report currency is never converted. A report in another\n"
                     "currency ('--currency USD') goes through the base currency with that\n"
                     "currency's rate of the same month. A missing rate is an error (exit 2)\n"
                     "that lists every missing currency and month at once; nothing is guessed.\n"
                     "A total is itself rounded once from the exact sum, so it can differ by a\n"
                     "cent from the sum of the rounded rows above it.\n",
                     domain::max_amount, domain::Rate::max_integer_digits, domain::Rate::scale_digits);
}

std::string import_topic()
{
  return fmt::format("Import\n"
                     "\n"
                     "  vendorcat import KIND FILE|- [--dry-run] [--on-conflict error|skip|update]\n"
                     "                   [--delimiter ,|;|tab]\n"
                     "\n"
                     "KIND is one of:\n"
                     "{}"
                     "'vendorcat import KIND --help' lists a kind's columns, the required ones\n"
                     "first, and 'vendorcat export KIND' prints them as its header row.\n"
                     "\n"
                     "Files are CSV (RFC 4180, UTF-8, a header row, columns in any order), JSON\n"
                     "(an array of objects: a .json file or --format json) or JSON Lines\n"
                     "(.jsonl or --format jsonl); '-' reads standard input. Header names match\n"
                     "ignoring letter case and surrounding spaces; an unknown column is an\n"
                     "error that names the closest column, and so is a missing required one.\n"
                     "An empty cell is no value; booleans are true or false.\n"
                     "\n"
                     "--delimiter ';' (or --delimiter tab) reads CSV that spreadsheets write in\n"
                     "locales with a decimal comma; a header that splits on ';' or tabs\n"
                     "without it is an error that says so. Amounts, rates and quantities are\n"
                     "written with a point all the same: '1234,50' is refused, never guessed,\n"
                     "with the hint to write 1234.50.\n"
                     "\n"
                     "An import is all or nothing: every row is checked first, every bad cell\n"
                     "is reported with its file, line and column (up to {}, then a count), and\n"
                     "one bad row writes nothing. --dry-run checks and writes nothing.\n"
                     "\n"
                     "--on-conflict says what a row whose key exists does: error (the default:\n"
                     "the import fails), skip (the row is left out) or update (the row changes\n"
                     "the record).\n"
                     "\n"
                     "Every import that writes is a batch, named at the end ('import batch 12:\n"
                     "1,000 created'). 'vendorcat import list' shows the batches, newest first,\n"
                     "with the file's SHA-256. A file whose content was already imported as the\n"
                     "same kind is refused (exit 2, naming the earlier batch) unless --again is\n"
                     "given. 'vendorcat import undo BATCH' removes the records the batch created\n"
                     "(what it updated stays as it is now), in one transaction, audited; it is\n"
                     "refused, naming them, while later records refer to them.\n"
                     "\n"
                     "'vendorcat export KIND' writes the same columns, so an export imports back\n"
                     "into an empty catalogue as it was (in the order of the kinds above).\n"
                     "'export KIND --spreadsheet-safe' puts a ' before each text cell that\n"
                     "starts with =, +, -, @, a tab or a carriage return, for a spreadsheet to\n"
                     "show rather than run; numbers such as -80.00 stay as they are.\n",
                     kind_list(76, "  "), io::ImportFailed::max_errors);
}

std::string renewals_topic()
{
  return fmt::format("Renewals and notice deadlines\n"
                     "\n"
                     "  vendorcat report renewals [--within DAYS] [--on DATE]\n"
                     "\n"
                     "An engagement's term ends on its end date. One with --auto-renew renews\n"
                     "for --renewal-months (default {}, at most {}) each time its end date\n"
                     "passes without notice. 'report renewals --on D' (default today) works on\n"
                     "each engagement's current term: an auto-renewing engagement whose end\n"
                     "date is before D has it rolled forward by whole terms until it is on or\n"
                     "after D. The k-th renewal ends k x renewal_months months after the\n"
                     "original end date, clamped to the month's last day (2025-01-31 + 1 month\n"
                     "= 2025-02-28, + 2 months = 2025-03-31).\n"
                     "\n"
                     "The notice deadline is the term's end minus --notice-days: the last day\n"
                     "to give notice. Each row has a state:\n"
                     "\n"
                     "  notice-due     the notice deadline is on or after D;\n"
                     "  notice-missed  the deadline has passed but the term's end is on or\n"
                     "                 after D;\n"
                     "  ending         no notice period: the term simply ends.\n"
                     "\n"
                     "A row is listed when its notice deadline or its term end falls within\n"
                     "[D, D + within], soonest first. term_end is the current term's end (the\n"
                     "end date unless rolled forward); days_left counts to the notice deadline\n"
                     "when the state is notice-due, else to the term end. Only planned and\n"
                     "active engagements are listed. A notice of 0 days is a notice period that\n"
                     "ends on the term's end; no --notice-days at all means 'ending'.\n"
                     "\n"
                     "  vendorcat report renewals --within 120\n"
                     "  vendorcat engagement list --expiring-within 90\n"
                     "  vendorcat engagement list --overdue    # active, not renewing, past their end\n",
                     domain::default_renewal_months, domain::max_renewal_months);
}

std::string backends_topic()
{
  return "Backends: a file or a server\n"
         "\n"
         "A catalogue is a SQLite file or a database on a PostgreSQL server. --db\n"
         "(else $VENDORCAT_DB, else $XDG_DATA_HOME/vendorcat/catalogue.db or\n"
         "~/.local/share/vendorcat/catalogue.db) names it:\n"
         "\n"
         "  vendorcat --db ~/work/catalogue.db provider list\n"
         "  vendorcat --db postgresql://analyst@db.example.com/vendorcat provider list\n"
         "\n"
         "A path is a file (created 0600 and migrated on first use); a\n"
         "postgresql:// or postgres:// URI, postgresql://[USER[:PASSWORD]@]HOST\n"
         "[:PORT]/DBNAME[?PARAM=VALUE...], is a server. Every command behaves the\n"
         "same on both.\n"
         "\n"
         "Choose a file for one analyst: there is nothing to run, and 'vendorcat\n"
         "db backup DEST' copies it (not cp: the file is in WAL mode). Choose a\n"
         "server when several people, an import job and a reporting job on several\n"
         "machines share one catalogue: writers work at once, roles say who may\n"
         "write, and the server is backed up as its owners back up servers\n"
         "(pg_dump). The database's owner runs 'vendorcat db init' and 'vendorcat\n"
         "db migrate'; the server needs the unaccent extension, which db init\n"
         "creates.\n"
         "\n"
         "Passwords come from the URI, PGPASSWORD or ~/.pgpass, as libpq reads\n"
         "them; no message prints one. An unreachable server, a refused login or\n"
         "a missing database exits 1 with one line naming the host and database.\n"
         "\n"
         "'vendorcat db copy SOURCE DEST' moves a catalogue between backends, any\n"
         "to any, with every record, the audit trail, the settings and the ids,\n"
         "into an empty catalogue only:\n"
         "\n"
         "  vendorcat db copy ~/.local/share/vendorcat/catalogue.db \"$VENDORCAT_DB\"\n"
         "  vendorcat db copy postgresql://analyst@db/vendorcat copy.db\n";
}

} // namespace vendorcat::cli
