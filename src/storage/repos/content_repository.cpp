#include "storage/repos/content_repository.hpp"

#include "storage/repos/query_builder.hpp"

namespace xiaoan::storage {

namespace edu = domain::edu;

Result<std::vector<edu::ContentEdit>> SqlContentRepository::EditsOf(
    const std::vector<std::int64_t>& units) {
  std::vector<edu::ContentEdit> out;
  if (units.empty()) return out;
  std::vector<sql::Value> ids(units.begin(), units.end());
  WhereBuilder where;
  const std::string in = "unit_id IN (" + Placeholders(ids.size()) + ")";
  where.Add(in, std::move(ids));
  XA_ASSIGN_OR_RETURN(auto r,
                      conn_.Query("SELECT unit_id, topic, age_group, text, updated_by, updated_at, "
                                  "version FROM edu_contents" +
                                      where.Sql() + " ORDER BY unit_id, topic, age_group",
                                  where.params()));
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto topic = edu::ParseTopic(r.Text(i, 1));
    const auto age = edu::ParseAgeGroup(r.Text(i, 2));
    if (!topic || !age) continue;  // a topic no longer shipped
    edu::ContentEdit e;
    e.unit_id = r.Int(i, 0);
    e.topic = *topic;
    e.age = *age;
    e.text = r.TakeText(i, 3);
    e.updated_by = r.TakeText(i, 4);
    ParseInstant(r.Text(i, 5), e.updated_at);
    e.version = static_cast<int>(r.Int(i, 6));
    out.push_back(std::move(e));
  }
  return out;
}

Result<bool> SqlContentRepository::Save(edu::ContentEdit& e) {
  const std::string topic(edu::TopicCode(e.topic));
  const std::string age(edu::AgeGroupCode(e.age));
  if (e.version == 0) {
    XA_ASSIGN_OR_RETURN(
        auto r,
        conn_.Query("INSERT INTO edu_contents (unit_id, topic, age_group, text, "
                    "updated_by, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, "
                    "1) ON CONFLICT (unit_id, topic, age_group) DO NOTHING RETURNING id",
                    {e.unit_id, topic, age, e.text, e.updated_by, FormatInstant(e.updated_at)}));
    if (r.size() == 0) return false;
    e.version = 1;
    return true;
  }
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec("UPDATE edu_contents SET text = $1, updated_by = $2, updated_at = $3, version = "
                 "version + 1 WHERE unit_id = $4 AND topic = $5 AND age_group = $6 AND version = "
                 "$7",
                 {e.text, e.updated_by, FormatInstant(e.updated_at), e.unit_id, topic, age,
                  std::int64_t{e.version}}));
  if (changed == 0) return false;
  ++e.version;
  return true;
}

Result<bool> SqlContentRepository::Remove(std::int64_t unit_id, edu::Topic topic,
                                          edu::AgeGroup age) {
  XA_ASSIGN_OR_RETURN(
      const auto changed,
      conn_.Exec(
          "DELETE FROM edu_contents WHERE unit_id = $1 AND topic = $2 AND age_group = $3",
          {unit_id, std::string(edu::TopicCode(topic)), std::string(edu::AgeGroupCode(age))}));
  return changed > 0;
}

}  // namespace xiaoan::storage
