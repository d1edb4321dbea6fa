#include "http/json/checklist_json.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "domain/hazard/hazard.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace cl = domain::checklist;

namespace {

json::value OptNumber(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Codes(const std::vector<std::string>& codes) {
  json::array out;
  for (const auto& c : codes) out.emplace_back(c);
  return out;
}

json::value ItemJson(const cl::Item& i) {
  return json::object{
      {"key", i.key},
      {"text", i.text},
      {"domain", i.domain},
      {"domain_label", std::string(domain::LabelOf(domain::hazard::Domains(), i.domain))},
      {"place_kind", i.place_kind ? json::value(*i.place_kind) : json::value(nullptr)},
      {"place_kind_label",
       i.place_kind ? std::string(domain::LabelOf(domain::KeyPlaceKinds(), *i.place_kind))
                    : std::string("全校")},
      {"answer", i.answer},
      {"answer_label", std::string(domain::LabelOf(cl::AnswerKinds(), i.answer))},
      {"min", OptNumber(i.min)},
      {"max", OptNumber(i.max)},
      {"unit", i.unit},
      {"photo_required", i.photo_required},
      {"failure_level", i.failure_level},
      {"failure_level_label",
       std::string(domain::LabelOf(domain::hazard::Levels(), i.failure_level))},
      {"basis", i.basis}};
}

}  // namespace

json::value ToJson(const cl::Item& item) { return ItemJson(item); }

json::value ToJson(const app::TemplateView& v, bool with_items) {
  const auto& t = v.tmpl;
  json::object out{
      {"id", t.id},
      {"code", t.code},
      {"version", t.version},
      {"name", t.name},
      {"description", t.description},
      {"applies", json::object{{"stages", Codes(t.applies.stages)},
                               {"location_types", Codes(t.applies.location_types)},
                               {"boarding", t.applies.boarding ? json::value(*t.applies.boarding)
                                                               : json::value(nullptr)}}},
      {"shipped", t.shipped},
      {"owner_unit_id", t.owner_unit_id ? json::value(*t.owner_unit_id) : json::value(nullptr)},
      {"owner_name", t.shipped ? std::string("系统内置") : t.owner_name},
      {"created_by", t.created_by},
      {"created_at", t.created_at},
      {"item_count", t.item_count},
      {"latest", v.latest},
      {"can_edit", v.can_edit}};
  if (with_items) {
    json::array items;
    for (const auto& i : t.items) items.push_back(ItemJson(i));
    out["items"] = std::move(items);
  }
  return out;
}

cl::Template TemplateFromJson(Fields& f, bool creating) {
  cl::Template t;
  if (creating) t.code = f.Str("code", false).value_or("");
  f.Ignore({"id", "version", "shipped", "owner_unit_id", "owner_name", "created_by", "created_at",
            "item_count", "latest", "can_edit"});
  if (!creating) f.Ignore({"code"});
  t.name = f.Str("name", true).value_or("");
  t.description = f.Str("description", false).value_or("");
  if (const auto* applies = f.ObjectField("applies", false)) {
    Fields a(*applies, f.Path("applies"));
    t.applies.stages = a.Strings("stages", false);
    t.applies.location_types = a.Strings("location_types", false);
    t.applies.boarding = a.Bool("boarding", false);
    f.Merge(a);
  }
  if (const auto* arr = f.Array("items", true)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = f.Path("items") + "[" + std::to_string(i) + "]";
      const auto* o = f.Object((*arr)[i], path);
      if (o == nullptr) continue;
      Fields item(*o, path);
      cl::Item it;
      it.key = item.Str("key", true).value_or("");
      it.text = item.Str("text", true).value_or("");
      it.domain = item.Str("domain", true).value_or("");
      it.place_kind = item.NullableStr("place_kind");
      it.answer = item.Str("answer", false).value_or("pass_fail");
      it.min = item.Number("min", false);
      it.max = item.Number("max", false);
      it.unit = item.Str("unit", false).value_or("");
      it.photo_required = item.Bool("photo_required", false).value_or(false);
      it.failure_level = item.Str("failure_level", false).value_or("general");
      it.basis = item.Str("basis", false).value_or("");
      item.Ignore({"domain_label", "place_kind_label", "answer_label", "failure_level_label"});
      t.items.push_back(std::move(it));
      f.Merge(item);
    }
  }
  return t;
}

json::array AnswersToJson(const std::vector<cl::ItemAnswer>& answers,
                          const std::vector<cl::Item>& items) {
  const auto verdict_label = [](const std::string& v) -> std::string {
    if (v == "pass") return "合格";
    if (v == "fail") return "不合格";
    if (v == "na") return "不适用";
    return v;
  };
  json::array out;
  for (const auto& a : answers) {
    json::object o;
    const auto item = std::find_if(items.begin(), items.end(),
                                   [&](const auto& i) { return i.key == a.item_key; });
    if (item != items.end()) o = ItemJson(*item).as_object();
    o.erase("key");
    o["item_key"] = a.item_key;
    o["value"] = a.value;
    o["verdict"] = a.verdict;
    o["verdict_label"] = verdict_label(a.verdict);
    o["note"] = a.note;
    json::array files;
    for (const auto id : a.file_ids) files.emplace_back(id);
    o["file_ids"] = std::move(files);
    o["hazard_id"] = a.hazard_id ? json::value(*a.hazard_id) : json::value(nullptr);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<cl::ItemAnswer> AnswersFromJson(Fields& f) {
  std::vector<cl::ItemAnswer> out;
  if (const auto* arr = f.Array("answers", true)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = f.Path("answers") + "[" + std::to_string(i) + "]";
      const auto* o = f.Object((*arr)[i], path);
      if (o == nullptr) continue;
      Fields a(*o, path);
      cl::ItemAnswer ans;
      ans.item_key = a.Str("item_key", true).value_or("");
      ans.value = a.Str("value", false).value_or("");
      ans.note = a.Str("note", false).value_or("");
      ans.file_ids = a.Ids("file_ids");
      out.push_back(std::move(ans));
      f.Merge(a);
    }
  }
  return out;
}

}  // namespace xiaoan::http
