#pragma once
// 致家长的一封信 (measure 9, drowning prevention with the parents in the loop): a school publishes
// a letter per term; each class gets its own link, a random token the class teacher shares with
// the parents (as a link or a QR code); a parent opens it without an account and confirms receipt
// (回执) with the student's name and their relation. Receipts count once per student of a class,
// and a class never takes more receipts than it has students and a few spare, so a flood on one
// link cannot fill the figures. Pure checks, tallies and the repository port (migration 0034).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/calendar/calendar.hpp"

namespace xiaoan::domain {
struct ScopeFilter;
struct PageRequest;
template <typename T>
struct PageResult;
}  // namespace xiaoan::domain

namespace xiaoan::domain::edu {

inline constexpr std::size_t kMaxLetterTitleChars = 60;
inline constexpr std::size_t kMaxLetterBodyChars = 5000;
inline constexpr std::size_t kMaxStudentNameChars = 20;
// Receipts a class takes beyond its size (a name written two ways, a twin's second parent).
inline constexpr int kSpareReceipts = 5;
// Receipts a class of unknown size takes.
inline constexpr int kUnknownSizeReceipts = 80;
inline constexpr std::size_t kLetterTokenChars = 24;

enum class LetterStatus { kDraft, kPublished, kClosed };
std::string_view LetterStatusCode(LetterStatus s);   // draft, published, closed
std::string_view LetterStatusLabel(LetterStatus s);  // 草稿, 已发布, 已截止
std::optional<LetterStatus> ParseLetterStatus(std::string_view code);

// Who confirms: 父亲, 母亲, 祖父母/外祖父母, 其他监护人.
struct Relation {
  std::string_view code;
  std::string_view label;
};
std::span<const Relation> Relations();
const Relation* FindRelation(std::string_view code);

struct Letter {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::string school_name;  // read with the letter
  int school_year = 0;      // 2026 = 2026—2027学年
  int term = 1;             // 1 第一学期 (autumn), 2 第二学期 (spring)
  std::string title;
  std::string body;
  std::string closes_on;  // YYYY-MM-DD, the last day receipts are taken; "" until closed
  LetterStatus status = LetterStatus::kDraft;
  std::string published_at;  // instant as stored, "" while a draft
  std::string created_by;
  std::string created_by_name;  // read with the letter
  Instant created_at{};
  Instant updated_at{};
  int version = 0;
};

// Problems with a letter as entered, naming the field: school_year 2000–2100, term 1 or 2, a
// title (≤ 60 characters) and a body (≤ 5000), each storable text; closes_on empty or a date.
std::vector<ErrorDetail> CheckLetter(const Letter& l);
// The term a day belongs to when nothing else says: August to January the first term of the
// school year starting that August, February to July the second ({2026, 1} for 2026-12-06 and
// 2027-01-31; {2026, 2} for 2027-02-01).
struct TermKey {
  int school_year = 0;
  int term = 1;
};
TermKey TermAround(calendar::Date day);
// Title and body change only while a draft (parents confirmed the text as published); a draft
// alone may be deleted.
bool TextEditable(LetterStatus s);
// Receipts are taken while published, through closes_on (a date in China) when set.
bool TakesReceipts(const Letter& l, calendar::Date today);

// ---- Receipts ----------------------------------------------------------------------------------
// The name as counted: spaces (ASCII, U+3000, U+00A0) removed, so "张 三" and "张三" are one
// student.
std::string NormalizeStudentName(std::string_view name);
// Problems with a receipt as entered (the name already normalized): a name of 1–20 characters of
// letters only (Chinese characters, Latin letters, and · • . - between them; no digits, no
// links), and a known relation.
std::vector<ErrorDetail> CheckReceipt(std::string_view student_name, std::string_view relation);
// The most receipts a class takes: its size and kSpareReceipts, or kUnknownSizeReceipts.
int ReceiptCap(int students);

// Receipts against class sizes: a class counts at most its size toward the rate, and only
// classes of known size are expected.
struct ReceiptTally {
  int classes = 0;
  int expected = 0;  // the students of classes of known size
  int received = 0;  // every receipt
  int counted = 0;   // receipts toward the rate (at most each class's size)
  // counted / expected; nullopt when nothing is expected.
  std::optional<double> Rate() const;
};
void AddClass(ReceiptTally& t, int students, int received);

// ---- Links -------------------------------------------------------------------------------------
// A class's link: kLetterTokenChars characters of a 32-letter alphabet without look-alikes
// (no l, o, 0, 1): 120 bits from random bytes.
std::string TokenFromBytes(std::string_view random_bytes);  // needs kLetterTokenChars bytes
bool IsLetterToken(std::string_view text);

// ---- The store ---------------------------------------------------------------------------------
struct LetterFilter {
  std::optional<std::int64_t> school_id;
  std::optional<int> school_year;
  std::optional<int> term;
  std::optional<LetterStatus> status;
};

struct LetterLink {
  std::int64_t letter_id = 0;
  std::int64_t class_id = 0;
  std::string token;
};

// A link's counts: the class's size and its receipts.
struct LinkCount {
  std::int64_t school_id = 0;
  std::int64_t letter_id = 0;
  std::int64_t class_id = 0;
  int students = 0;
  int received = 0;
};

struct Receipt {
  std::int64_t id = 0;
  std::int64_t letter_id = 0;
  std::int64_t class_id = 0;
  std::string student_name;
  std::string relation;
  Instant at{};
  std::string source;  // the client address, never shown on the parent's page
};

class LetterRepository {
 public:
  virtual ~LetterRepository() = default;
  virtual Status Insert(Letter& l) = 0;  // version 1, assigns the id
  // Title, body, closes_on, status, published_at and updated_at; false when the version read is
  // not current.
  virtual Result<bool> Update(Letter& l) = 0;
  virtual Status Remove(std::int64_t id) = 0;  // a draft: no links, no receipts
  // The letter when its school is in scope.
  virtual Result<std::optional<Letter>> Find(std::int64_t id, const ScopeFilter& scope) = 0;
  // Newest term first, then school.
  virtual Result<PageResult<Letter>> List(const LetterFilter& f, const ScopeFilter& scope,
                                          const PageRequest& page) = 0;

  virtual Status InsertLink(const LetterLink& link, Instant at) = 0;
  virtual Result<std::vector<LetterLink>> LinksOf(std::int64_t letter_id) = 0;
  // The link and its letter (in any scope: the token is the parent's only key).
  virtual Result<std::optional<std::pair<LetterLink, Letter>>> FindByToken(
      const std::string& token) = 0;
  // Per link of the letters: the class's size and its receipts.
  virtual Result<std::vector<LinkCount>> CountsOf(const std::vector<std::int64_t>& letter_ids) = 0;
  // Per link of the published and closed letters of the term, of schools in scope.
  virtual Result<std::vector<LinkCount>> CountsIn(const ScopeFilter& scope, int school_year,
                                                  int term) = 0;

  // Inserts and assigns the id; false (nothing written) when that student of the class has one.
  virtual Result<bool> InsertReceipt(Receipt& r) = 0;
  virtual Result<std::optional<Receipt>> FindReceipt(std::int64_t letter_id, std::int64_t class_id,
                                                     const std::string& student_name) = 0;
  virtual Result<int> CountReceipts(std::int64_t letter_id, std::int64_t class_id) = 0;
  // The letter's receipts (of the classes given, or all when empty), by class and time.
  virtual Result<std::vector<Receipt>> ReceiptsOf(std::int64_t letter_id,
                                                  const std::vector<std::int64_t>& class_ids) = 0;
};

}  // namespace xiaoan::domain::edu
