#pragma once
// Checklist templates in JSON.
#include <boost/json/value.hpp>

#include "app/checklist/checklists.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

// with_items: the template's page (its items); lists carry item_count only.
boost::json::value ToJson(const app::TemplateView& v, bool with_items);
// One check item, with the labels of its codes.
boost::json::value ToJson(const domain::checklist::Item& item);
// A template's writable fields (name, description, applies, items, and code when creating);
// errors name the field ("items[2].text"). The read-only fields of a template as read are
// accepted and ignored, so a client may send back what it read.
domain::checklist::Template TemplateFromJson(Fields& f, bool creating);

// The answers of a filled checklist (a patrol, a campaign's sheet): each item's fields with the
// answer's value, verdict (and its label), note, photos and the hazard it became.
boost::json::array AnswersToJson(const std::vector<domain::checklist::ItemAnswer>& answers,
                                 const std::vector<domain::checklist::Item>& items);
// The "answers" array of a filled checklist (required); errors name answers[i].field.
std::vector<domain::checklist::ItemAnswer> AnswersFromJson(Fields& f);

}  // namespace xiaoan::http
