#pragma once
// Personal information shown in lists and exports under the GM profile: masked, as Chinese
// systems show them (138****5678). A masked value sent back unchanged (an edit form filled from
// a list, an exported sheet imported again) keeps the stored value.
#include <string>
#include <string_view>

namespace xiaoan::domain {

// A phone number: the first 3 and the last 4 characters kept, every digit between them "*",
// separators kept ("13812345678" → "138****5678", "0571-81234567" → "057*-****4567"). A value
// of 7 characters or fewer is masked whole but for its last 2.
std::string MaskPhone(std::string_view phone);
// A mainland mobile number as people write it (手机号): 11 digits, the first 1, the second 3 to
// 9. Spaces and hyphens are not taken; the caller trims.
bool IsMobileNumber(std::string_view text);
// An ID-card number: the first 6 and the last 4 kept ("330102200801011234" →
// "330102********1234"); 10 characters or fewer masked whole but for the last 2.
std::string MaskIdCard(std::string_view id);
// The value a write keeps: the stored one when the incoming text is its mask, else the incoming.
std::string KeepUnlessMasked(const std::string& incoming, const std::string& stored,
                             std::string (*mask)(std::string_view));

}  // namespace xiaoan::domain
