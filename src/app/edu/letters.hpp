#pragma once
// 致家长的一封信 (docs/education.md): a school writes a letter for a term and publishes it; each
// class gets a link for its parents; a parent confirms receipt without an account; the school sees
// who confirmed by class, the bureau the receipt rates by school. The parents' page is limited per
// address and per link, and tells nothing about other parents.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "domain/edu/letters.hpp"

namespace xiaoan::app {

// Sliding one-minute windows per key (in memory, per process).
class PublicLimiter {
 public:
  // True when the key had fewer than `per_minute` events in the last minute; records this one.
  bool Allow(const std::string& key, Instant now, int per_minute);
  // True when the key already has `limit` events in the last minute (records nothing).
  bool Reached(const std::string& key, Instant now, int limit);
  void Record(const std::string& key, Instant now);

 private:
  std::vector<Instant>& Window(const std::string& key, Instant now);
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<Instant>> events_;
};

// The parents' page's limits.
inline constexpr int kLetterReadsPerMinute = 60;     // page opens per address
inline constexpr int kLetterReceiptsPerMinute = 20;  // receipts per address
inline constexpr int kLinkReceiptsPerMinute = 120;   // receipts per class link, any address
inline constexpr int kUnknownTokensPerMinute = 10;   // wrong links per address, then all wait

// A refusal by the limits: failed_precondition with the one detail "rate_limited" (429).
bool IsRateLimited(const Error& e);

struct LetterView {
  domain::edu::Letter letter;
  domain::edu::ReceiptTally tally;
  bool can_edit = false;
};

Result<LetterView> CreateLetter(Services& s, const RequestContext& ctx, domain::edu::Letter in);
// Title, body and closes_on; title and body only while a draft (409 letter.published).
// `in.version` is the version read (409 edu_letter.stale).
Result<LetterView> EditLetter(Services& s, const RequestContext& ctx, std::int64_t id,
                              domain::edu::Letter in);
Status DeleteLetter(Services& s, const RequestContext& ctx, std::int64_t id);  // a draft
// Publishes (or, when published, adds the links of classes registered since): one link per
// active class of the school.
Result<LetterView> PublishLetter(Services& s, const RequestContext& ctx, std::int64_t id);
Result<LetterView> CloseLetter(Services& s, const RequestContext& ctx, std::int64_t id);
Result<LetterView> GetLetter(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<LetterView>> ListLetters(Services& s, const RequestContext& ctx,
                                                   const domain::edu::LetterFilter& f,
                                                   const domain::PageRequest& page);

struct LetterClassRow {
  std::int64_t class_id = 0;
  std::string class_name;  // 三年级2班
  int grade = 0;
  std::string teacher;
  std::string teacher_name;
  int students = 0;
  int received = 0;
  std::optional<double> rate;
  std::string token;  // "" for a caller who does not share this class's link
};
// The letter's classes with their receipts. A class teacher (without edu:lessons) gets their own
// classes; the links go to the school's own users only.
Result<std::vector<LetterClassRow>> LetterClasses(Services& s, const RequestContext& ctx,
                                                  std::int64_t id);

struct ReceiptRow {
  domain::edu::Receipt receipt;
  std::string class_name;
};
// Who confirmed: for the school's own users only (a class teacher: their classes).
Result<std::vector<ReceiptRow>> LetterReceipts(Services& s, const RequestContext& ctx,
                                               std::int64_t id,
                                               std::optional<std::int64_t> class_id);

// The letter's receipts as .xlsx: 各班回执 (class, teacher, size, receipts, rate) for whoever
// reads the letter, and 回执名单 (who confirmed) for the school's own users; audited as
// edu.letter.export.
Result<std::string> ExportLetter(Services& s, const RequestContext& ctx, std::int64_t id);

struct LetterBoardRow {
  std::int64_t school_id = 0;
  std::string school_name;
  int letters = 0;  // published or closed in the term
  domain::edu::ReceiptTally tally;
};
struct LetterBoard {
  domain::edu::TermKey term;
  int with_letter = 0;
  domain::edu::ReceiptTally total;
  std::vector<LetterBoardRow> schools;  // no letter first, then the lowest rate
};
// The receipt rates of the schools in scope for a term (default: the term around today).
Result<LetterBoard> GetLetterBoard(Services& s, const RequestContext& ctx,
                                   std::optional<domain::edu::TermKey> term);

// Registration (app/modules.cpp): for a school's users, the classes of the school's open letters
// still short of receipts ("edu.letters"; a class teacher: their own classes), one item per letter.
TaskSource LetterTaskSource();

// ---- The parents' page (no account) ------------------------------------------------------------
struct PublicLetter {
  std::string school_name;
  std::string class_name;
  domain::edu::Letter letter;
  bool open = false;  // takes receipts today
};
Result<PublicLetter> OpenLetter(Services& s, PublicLimiter& limiter, const std::string& token,
                                const std::string& source);
struct ReceiptOutcome {
  bool first = false;  // this confirmation counted; false: the student had one already
  domain::edu::Receipt receipt;
};
// Errors: not_found (a wrong link), 422 naming student_name or relation, 409 letter.closed or
// letter.full, rate_limited. The receipt is audited without the student's name.
Result<ReceiptOutcome> ConfirmReceipt(Services& s, PublicLimiter& limiter, const std::string& token,
                                      const std::string& student_name, const std::string& relation,
                                      const std::string& source);

}  // namespace xiaoan::app
