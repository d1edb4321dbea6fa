#include "app/edu/letters.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/edu/drowning.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/minors.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/password.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/edu/edu.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "edu_letter";
constexpr const char* kRateLimited = "rate_limited";

Error RateLimited() { return FailedPrecondition(kRateLimited, "操作过于频繁，请稍后再试"); }

Error NotFoundLink() { return NotFound("链接无效或已失效，请向班主任重新获取"); }

Result<edu::Letter> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto l, tx.letters().Find(id, ctx.Scope()));
  if (!l) return NotFound("家长信不存在或不在您的管辖范围内");
  return std::move(*l);
}

std::string ClassName(const edu::Class& c) { return edu::GradeLabel(c.draft.grade) + c.draft.name; }

// The school's own users (and trusted local callers) see its links and the parents' names.
bool OfTheSchool(const RequestContext& ctx, std::int64_t school_id) {
  return !ctx.principal || ctx.principal->unit_id == school_id;
}
// A class teacher (no edu:lessons) sees only their own classes.
bool OwnClassesOnly(const RequestContext& ctx) { return !ctx.Can(perm::kEduLessons); }

Result<std::map<std::int64_t, edu::ReceiptTally>> TalliesOf(domain::Tx& tx,
                                                            const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, edu::ReceiptTally> out;
  XA_ASSIGN_OR_RETURN(const auto counts, tx.letters().CountsOf(ids));
  for (const auto& c : counts) edu::AddClass(out[c.letter_id], c.students, c.received);
  return out;
}

Result<LetterView> ViewOf(domain::Tx& tx, const RequestContext& ctx, edu::Letter l) {
  const auto id = l.id;
  XA_ASSIGN_OR_RETURN(auto tallies, TalliesOf(tx, {id}));
  LetterView out{std::move(l), tallies[id], ctx.Can(perm::kEduLessons)};
  return out;
}

std::string Summary(const edu::Letter& l, const std::string& school) {
  return school + " " + cal::TermLabel(l.school_year, l.term) + "《" + l.title + "》";
}

// The school's active classes without a link get one.
Status AddLinks(Services& s, domain::Tx& tx, const edu::Letter& l) {
  XA_ASSIGN_OR_RETURN(const auto links, tx.letters().LinksOf(l.id));
  std::set<std::int64_t> linked;
  for (const auto& k : links) linked.insert(k.class_id);
  edu::ClassFilter f;
  f.school_id = l.school_id;
  XA_ASSIGN_OR_RETURN(const auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
  for (const auto& c : classes) {
    if (linked.count(c.id)) continue;
    const edu::LetterLink link{l.id, c.id,
                               edu::TokenFromBytes(RandomBytes(edu::kLetterTokenChars))};
    XA_TRY(tx.letters().InsertLink(link, s.clock.Now()));
  }
  return {};
}

// Loads, changes and stores a letter in one write, audited.
Result<LetterView> Change(Services& s, const RequestContext& ctx, std::int64_t id,
                          const std::function<Status(domain::Tx&, edu::Letter&)>& change,
                          const char* action, const char* verb) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "管理家长信"));
  LetterView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, LoadInScope(tx, ctx, id));
    XA_TRY(change(tx, l));
    l.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.letters().Update(l));
    if (!saved) return FailedPrecondition("edu_letter.stale", "这封信刚被他人修改，请刷新后再试");
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, kSubject, std::to_string(id),
                                     std::string(verb) + "：" + Summary(l, l.school_name))));
    // A published letter is the term's edu.drowning.letter: the school judged again.
    XA_TRY(EvaluateSchool(s, tx, l.school_id, TodayInChina(s), kDrowningModule));
    XA_ASSIGN_OR_RETURN(auto fresh, LoadInScope(tx, RequestContext{}, id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, ctx, std::move(fresh)));
    return {};
  }));
  return out;
}

}  // namespace

// ---- The limiter -------------------------------------------------------------------------------
std::vector<Instant>& PublicLimiter::Window(const std::string& key, Instant now) {
  if (events_.size() > 20000) events_.clear();  // bound memory under a spray of addresses
  auto& list = events_[key];
  const auto cutoff = now - std::chrono::minutes(1);
  list.erase(std::remove_if(list.begin(), list.end(), [&](Instant t) { return t <= cutoff; }),
             list.end());
  return list;
}

bool PublicLimiter::Allow(const std::string& key, Instant now, int per_minute) {
  std::lock_guard lock(mu_);
  auto& list = Window(key, now);
  if (static_cast<int>(list.size()) >= per_minute) return false;
  list.push_back(now);
  return true;
}

bool PublicLimiter::Reached(const std::string& key, Instant now, int limit) {
  std::lock_guard lock(mu_);
  return static_cast<int>(Window(key, now).size()) >= limit;
}

void PublicLimiter::Record(const std::string& key, Instant now) {
  std::lock_guard lock(mu_);
  Window(key, now).push_back(now);
}

bool IsRateLimited(const Error& e) {
  return e.code == ErrorCode::kFailedPrecondition && e.details.size() == 1 &&
         e.details.front().field == kRateLimited;
}

// ---- The school's and the bureau's side --------------------------------------------------------
Result<LetterView> CreateLetter(Services& s, const RequestContext& ctx, edu::Letter in) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "编写家长信"));
  if (auto problems = edu::CheckLetter(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  LetterView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolInScope(tx, ctx, in.school_id));
    in.status = edu::LetterStatus::kDraft;
    in.published_at.clear();
    in.created_by = ctx.actor;
    in.created_at = s.clock.Now();
    in.updated_at = in.created_at;
    XA_TRY(tx.letters().Insert(in));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.letter.create", kSubject, std::to_string(in.id),
                                     "编写家长信：" + Summary(in, school.unit.name))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, in.id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

Result<LetterView> EditLetter(Services& s, const RequestContext& ctx, std::int64_t id,
                              edu::Letter in) {
  return Change(
      s, ctx, id,
      [&](domain::Tx&, edu::Letter& l) -> Status {
        if (!edu::TextEditable(l.status) && (in.title != l.title || in.body != l.body)) {
          return FailedPrecondition("letter.published",
                                    "信已发布，家长已按原文确认，标题和正文不能再改；"
                                    "可修改回执截止日期，或另写一封");
        }
        in.school_year = l.school_year;
        in.term = l.term;
        if (auto problems = edu::CheckLetter(in); !problems.empty()) {
          return domain::ValidationError(std::move(problems));
        }
        l.title = in.title;
        l.body = in.body;
        l.closes_on = in.closes_on;
        l.version = in.version;
        return {};
      },
      "edu.letter.edit", "修改家长信");
}

Status DeleteLetter(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "删除家长信"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, LoadInScope(tx, ctx, id));
    if (!edu::TextEditable(l.status)) {
      return FailedPrecondition("letter.published", "已发布的信不能删除（家长的回执随信保存）");
    }
    XA_TRY(tx.letters().Remove(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.letter.delete", kSubject, std::to_string(id),
                                     "删除家长信：" + Summary(l, l.school_name))));
    return {};
  });
}

Result<LetterView> PublishLetter(Services& s, const RequestContext& ctx, std::int64_t id) {
  return Change(
      s, ctx, id,
      [&](domain::Tx& tx, edu::Letter& l) -> Status {
        if (l.status == edu::LetterStatus::kClosed) {
          return FailedPrecondition("letter.closed", "回执已截止的信不能再发布");
        }
        if (l.status == edu::LetterStatus::kDraft) {
          l.status = edu::LetterStatus::kPublished;
          l.published_at = s.Now();
        }
        return AddLinks(s, tx, l);
      },
      "edu.letter.publish", "发布家长信");
}

Result<LetterView> CloseLetter(Services& s, const RequestContext& ctx, std::int64_t id) {
  return Change(
      s, ctx, id,
      [&](domain::Tx&, edu::Letter& l) -> Status {
        if (l.status != edu::LetterStatus::kPublished) {
          return FailedPrecondition("letter.not_published", "只有已发布的信可以截止回执");
        }
        l.status = edu::LetterStatus::kClosed;
        return {};
      },
      "edu.letter.close", "截止家长信回执");
}

Result<LetterView> GetLetter(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看家长信"));
  LetterView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, ctx, std::move(l)));
    return {};
  }));
  return out;
}

Result<domain::PageResult<LetterView>> ListLetters(Services& s, const RequestContext& ctx,
                                                   const edu::LetterFilter& f,
                                                   const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看家长信"));
  if (f.term && *f.term != 1 && *f.term != 2) {
    return InvalidArgument("term", "学期须为 1（第一学期）或 2（第二学期）");
  }
  domain::PageResult<LetterView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto list, tx.letters().List(f, ctx.Scope(), page));
    std::vector<std::int64_t> ids;
    for (const auto& l : list.items) ids.push_back(l.id);
    XA_ASSIGN_OR_RETURN(auto tallies, TalliesOf(tx, ids));
    out.total = list.total;
    for (auto& l : list.items) {
      const auto tally = tallies[l.id];
      out.items.push_back({std::move(l), tally, ctx.Can(perm::kEduLessons)});
    }
    return {};
  }));
  return out;
}

Result<std::vector<LetterClassRow>> LetterClasses(Services& s, const RequestContext& ctx,
                                                  std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看家长信"));
  std::vector<LetterClassRow> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto l, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(const auto links, tx.letters().LinksOf(id));
    XA_ASSIGN_OR_RETURN(const auto counts, tx.letters().CountsOf({id}));
    std::map<std::int64_t, std::string> tokens;
    for (const auto& k : links) tokens[k.class_id] = k.token;
    std::map<std::int64_t, int> received;
    for (const auto& c : counts) received[c.class_id] = c.received;
    edu::ClassFilter f;
    f.school_id = l.school_id;
    f.include_inactive = true;
    if (OwnClassesOnly(ctx)) f.teacher = ctx.actor;
    XA_ASSIGN_OR_RETURN(const auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
    const bool shares = OfTheSchool(ctx, l.school_id);
    for (const auto& c : classes) {
      const auto token = tokens.find(c.id);
      if (token == tokens.end() && !c.active) continue;  // a stopped class the letter never had
      LetterClassRow row{c.id,
                         ClassName(c),
                         c.draft.grade,
                         c.draft.teacher,
                         c.teacher_name,
                         c.draft.students,
                         received[c.id],
                         {},
                         {}};
      edu::ReceiptTally t;
      edu::AddClass(t, row.students, row.received);
      row.rate = t.Rate();
      if (shares && token != tokens.end()) row.token = token->second;
      out.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::vector<ReceiptRow>> LetterReceipts(Services& s, const RequestContext& ctx,
                                               std::int64_t id,
                                               std::optional<std::int64_t> class_id) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看家长回执"));
  std::vector<ReceiptRow> out;
  // Students' names are minors' data: the school's own staff, or a user above it with an active
  // grant; every read is logged (app/platform/minors.hpp).
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto l, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(const auto access,
                        MinorsAccessTo(s, tx, ctx, l.school_id, domain::kLetterReceiptsKind));
    // A class teacher of the school reads their own classes; a grant covers the whole school.
    const bool own_classes = !access.grant_id && OwnClassesOnly(ctx);
    edu::ClassFilter f;
    f.school_id = l.school_id;
    f.include_inactive = true;
    if (own_classes) f.teacher = ctx.actor;
    XA_ASSIGN_OR_RETURN(const auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
    std::map<std::int64_t, std::string> names;
    for (const auto& c : classes) names[c.id] = ClassName(c);
    std::vector<std::int64_t> ids;
    if (class_id) {
      if (!names.count(*class_id)) {
        return InvalidArgument("class_id", "不是这封信所在学校的班级，或不是您任班主任的班级");
      }
      ids.push_back(*class_id);
    } else if (own_classes) {
      for (const auto& [cid, name] : names) ids.push_back(cid);
      if (ids.empty()) return Status{};
    }
    XA_ASSIGN_OR_RETURN(auto receipts, tx.letters().ReceiptsOf(id, ids));
    for (auto& r : receipts) {
      const auto name = names.find(r.class_id);
      out.push_back({std::move(r), name == names.end() ? std::string() : name->second});
    }
    return LogMinorsRead(s, tx, ctx, access, l.school_id, domain::kLetterReceiptsKind,
                         std::string(kSubject) + ":" + std::to_string(id),
                         static_cast<int>(out.size()));
  }));
  return out;
}

namespace {

std::string Percent(std::optional<double> rate) {
  if (!rate) return "—";
  const int tenths = static_cast<int>(*rate * 1000 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

}  // namespace

Result<std::string> ExportLetter(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(const auto letter, GetLetter(s, ctx, id));
  XA_ASSIGN_OR_RETURN(const auto classes, LetterClasses(s, ctx, id));
  std::vector<office::Sheet> sheets;
  office::Sheet rates{"各班回执",
                      {office::TextRow({"班级", "班主任", "人数", "已回执", "回执率"})}};
  for (const auto& c : classes) {
    rates.rows.push_back(
        office::TextRow({c.class_name, c.teacher_name.empty() ? c.teacher : c.teacher_name,
                         c.students > 0 ? std::to_string(c.students) : "",
                         std::to_string(c.received), Percent(c.rate)}));
  }
  sheets.push_back(std::move(rates));
  if (OfTheSchool(ctx, letter.letter.school_id)) {
    XA_ASSIGN_OR_RETURN(const auto receipts, LetterReceipts(s, ctx, id, std::nullopt));
    office::Sheet names{"回执名单",
                        {office::TextRow({"班级", "学生姓名", "与学生关系", "回执时间"})}};
    for (const auto& r : receipts) {
      const auto* rel = edu::FindRelation(r.receipt.relation);
      names.rows.push_back({r.class_name, r.receipt.student_name,
                            rel ? std::string(rel->label) : r.receipt.relation,
                            office::Cell::DateTime(ChinaDateTimeText(r.receipt.at))});
    }
    sheets.push_back(std::move(names));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx(sheets));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "edu.letter.export", kSubject, std::to_string(id),
                "导出家长信回执：" + Summary(letter.letter, letter.letter.school_name))));
    return {};
  }));
  return bytes;
}

Result<LetterBoard> GetLetterBoard(Services& s, const RequestContext& ctx,
                                   std::optional<edu::TermKey> term) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看家长信回执率"));
  LetterBoard out;
  out.term = term.value_or(edu::TermAround(TodayInChina(s)));
  if (out.term.term != 1 && out.term.term != 2) {
    return InvalidArgument("term", "学期须为 1（第一学期）或 2（第二学期）");
  }
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto counts,
                        tx.letters().CountsIn(ctx.Scope(), out.term.school_year, out.term.term));
    XA_ASSIGN_OR_RETURN(auto schools, AllSchoolsInScope(tx, ctx));
    std::map<std::int64_t, std::size_t> at;
    for (const auto& school : schools) {
      at[school.unit.id] = out.schools.size();
      out.schools.push_back({school.unit.id, school.unit.name, 0, {}});
    }
    std::map<std::int64_t, std::set<std::int64_t>> letters;
    for (const auto& c : counts) {
      const auto it = at.find(c.school_id);
      if (it == at.end()) continue;
      auto& row = out.schools[it->second];
      letters[c.school_id].insert(c.letter_id);
      edu::AddClass(row.tally, c.students, c.received);
      edu::AddClass(out.total, c.students, c.received);
    }
    for (auto& row : out.schools) {
      row.letters = static_cast<int>(letters[row.school_id].size());
      if (row.letters > 0) ++out.with_letter;
    }
    return {};
  }));
  std::stable_sort(out.schools.begin(), out.schools.end(), [](const auto& a, const auto& b) {
    if ((a.letters == 0) != (b.letters == 0)) return a.letters == 0;
    return a.tally.Rate().value_or(2.0) < b.tally.Rate().value_or(2.0);
  });
  return out;
}

TaskSource LetterTaskSource() {
  return {kSubject, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kEduRead) || !ctx.unit_id) return out;
            const auto today = TodayInChina(s);
            TaskGroup g{"edu.letters", "家长信回执未齐", 0, 0, {}};
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
              if (!unit || unit->kind != "school") return {};
              std::optional<std::set<std::int64_t>> mine;
              if (OwnClassesOnly(ctx)) {
                edu::ClassFilter cf;
                cf.school_id = unit->id;
                cf.teacher = ctx.actor;
                XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(cf, domain::ScopeFilter{}));
                mine.emplace();
                for (const auto& c : classes) mine->insert(c.id);
                if (mine->empty()) return {};
              }
              edu::LetterFilter f;
              f.school_id = unit->id;
              f.status = edu::LetterStatus::kPublished;
              domain::PageRequest page;
              page.page_size = 50;
              XA_ASSIGN_OR_RETURN(auto letters, tx.letters().List(f, domain::ScopeFilter{}, page));
              std::vector<std::int64_t> ids;
              for (const auto& l : letters.items) {
                if (edu::TakesReceipts(l, today)) ids.push_back(l.id);
              }
              XA_ASSIGN_OR_RETURN(const auto counts, tx.letters().CountsOf(ids));
              for (const auto& l : letters.items) {
                edu::ReceiptTally t;
                int short_classes = 0;
                for (const auto& c : counts) {
                  if (c.letter_id != l.id || (mine && !mine->count(c.class_id))) continue;
                  edu::AddClass(t, c.students, c.received);
                  if (c.received < c.students) ++short_classes;
                }
                if (short_classes == 0) continue;
                g.count += short_classes;
                if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
                  g.items.push_back({kSubject, l.id, std::nullopt,
                                     "《" + l.title + "》回执 " + std::to_string(t.counted) + "/" +
                                         std::to_string(t.expected) + "，" +
                                         std::to_string(short_classes) + " 个班未齐",
                                     unit->name, l.closes_on, false});
                }
              }
              return {};
            }));
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

// ---- The parents' page -------------------------------------------------------------------------
namespace {

// The link's letter and class, after the address's wrong guesses and the format are checked.
Result<std::pair<edu::Letter, edu::Class>> FindLink(domain::Tx& tx, PublicLimiter& limiter,
                                                    const std::string& token,
                                                    const std::string& source, Instant now) {
  if (!edu::IsLetterToken(token)) {
    limiter.Record("miss:" + source, now);
    return NotFoundLink();
  }
  XA_ASSIGN_OR_RETURN(auto found, tx.letters().FindByToken(token));
  if (!found) {
    limiter.Record("miss:" + source, now);
    return NotFoundLink();
  }
  XA_ASSIGN_OR_RETURN(auto cls, tx.edu().FindClass(found->first.class_id));
  if (!cls) return NotFoundLink();
  return std::pair{std::move(found->second), std::move(*cls)};
}

}  // namespace

Result<PublicLetter> OpenLetter(Services& s, PublicLimiter& limiter, const std::string& token,
                                const std::string& source) {
  const auto now = s.clock.Now();
  if (limiter.Reached("miss:" + source, now, kUnknownTokensPerMinute) ||
      !limiter.Allow("read:" + source, now, kLetterReadsPerMinute)) {
    return RateLimited();
  }
  PublicLetter out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, FindLink(tx, limiter, token, source, now));
    out.open = edu::TakesReceipts(found.first, TodayInChina(s));
    out.school_name = found.first.school_name;
    out.class_name = ClassName(found.second);
    out.letter = std::move(found.first);
    return {};
  }));
  return out;
}

Result<ReceiptOutcome> ConfirmReceipt(Services& s, PublicLimiter& limiter, const std::string& token,
                                      const std::string& student_name, const std::string& relation,
                                      const std::string& source) {
  const auto now = s.clock.Now();
  if (limiter.Reached("miss:" + source, now, kUnknownTokensPerMinute) ||
      !limiter.Allow("post:" + source, now, kLetterReceiptsPerMinute) ||
      !limiter.Allow("link:" + token.substr(0, edu::kLetterTokenChars), now,
                     kLinkReceiptsPerMinute)) {
    return RateLimited();
  }
  const auto name = edu::NormalizeStudentName(student_name);
  if (auto problems = edu::CheckReceipt(name, relation); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  ReceiptOutcome out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto found, FindLink(tx, limiter, token, source, now));
    auto& [letter, cls] = found;
    if (!edu::TakesReceipts(letter, TodayInChina(s))) {
      return FailedPrecondition("letter.closed", "这封信的回执已截止，如需确认请联系班主任");
    }
    XA_ASSIGN_OR_RETURN(auto earlier, tx.letters().FindReceipt(letter.id, cls.id, name));
    if (earlier) {
      out.receipt = std::move(*earlier);
      return {};
    }
    XA_ASSIGN_OR_RETURN(const int count, tx.letters().CountReceipts(letter.id, cls.id));
    if (count >= edu::ReceiptCap(cls.draft.students)) {
      return FailedPrecondition("letter.full", "本班的回执已超过班级人数，请联系班主任核对后确认");
    }
    out.receipt.letter_id = letter.id;
    out.receipt.class_id = cls.id;
    out.receipt.student_name = name;
    out.receipt.relation = relation;
    out.receipt.at = now;
    out.receipt.source = StorableText(source, 64);
    XA_ASSIGN_OR_RETURN(out.first, tx.letters().InsertReceipt(out.receipt));
    if (!out.first) {  // the same student confirmed at the same moment
      XA_ASSIGN_OR_RETURN(auto other, tx.letters().FindReceipt(letter.id, cls.id, name));
      if (other) out.receipt = std::move(*other);
      return {};
    }
    RequestContext parent;
    parent.actor = "parent";
    parent.source = source;
    XA_TRY(tx.audit().Append(AuditOf(
        s, parent, "edu.letter.receipt", kSubject, std::to_string(letter.id),
        "家长回执：" + letter.school_name + " " + ClassName(cls) + "《" + letter.title + "》")));
    return {};
  }));
  return out;
}

}  // namespace xiaoan::app
