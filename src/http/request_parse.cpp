#include "http/request_parse.hpp"

// GCC 12 flags boost::optional inside Beast's parser as maybe used uninitialised once it is
// inlined here with optimisation (a known false positive; server.cpp's coroutines do not inline
// it the same way). The parser's own header lines are where it is reported.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <boost/url/parse.hpp>
#include <cctype>

#include "core/strings.hpp"

namespace xiaoan::http {

namespace bhttp = boost::beast::http;

void FillRequest(ParsedParts in, HttpRequest& out, const std::string& remote,
                 bool trust_forwarded_for) {
  out.method = std::string(in.method);
  out.target = std::string(in.target);
  for (const auto& [n, v] : in.headers) {
    std::string name(n);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(v);
  }
  out.remote = remote;
  if (trust_forwarded_for) {
    const std::string xff = out.Header("x-forwarded-for");
    // Stored in audit records and sessions: kept to storable text.
    if (!xff.empty()) out.remote = StorableText(Trim(xff.substr(0, xff.find(','))), 64);
  }
  auto parsed = boost::urls::parse_origin_form(in.target);
  if (parsed) {
    out.path = std::string(parsed->path());
    for (const auto& p : parsed->params()) out.query.emplace_back(p.key, p.value);
  } else {
    out.path = "\x01invalid";
  }
  out.body = std::move(in.body);
}

Result<HttpRequest> ParseRequestBytes(
    std::string_view bytes, std::size_t max_header_bytes,
    const std::function<std::size_t(const std::string&, const std::string&)>& body_limit) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(max_header_bytes));
  parser.body_limit(boost::none);
  parser.eager(false);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (!parser.is_header_done()) {
    const auto n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == bhttp::error::need_more) return InvalidArgument("request", "请求头不完整");
    if (ec) return InvalidArgument("request", "无法解析的 HTTP 请求：" + ec.message());
    if (n == 0) break;
  }
  const auto& header = parser.get();
  const std::string path(header.target().substr(0, header.target().find('?')));
  const std::size_t limit = body_limit(std::string(header.method_string()), path);
  if (auto len = parser.content_length(); len && *len > limit) {
    return Error{ErrorCode::kPayloadTooLarge, "请求体超过上限", {{"body", "请求体超过上限", 0}}};
  }
  parser.body_limit(limit);
  parser.eager(true);
  while (!parser.is_done()) {
    const auto n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == bhttp::error::need_more) {
      parser.put_eof(ec);
      if (ec) return InvalidArgument("request", "请求体不完整");
      break;
    }
    if (ec == bhttp::error::body_limit) {
      return Error{ErrorCode::kPayloadTooLarge, "请求体超过上限", {{"body", "请求体超过上限", 0}}};
    }
    if (ec) return InvalidArgument("request", "无法解析的 HTTP 请求：" + ec.message());
    if (n == 0) break;
  }
  auto msg = parser.release();
  ParsedParts parts;
  parts.method = msg.method_string();
  parts.target = msg.target();
  for (const auto& f : msg) parts.headers.emplace_back(f.name_string(), f.value());
  parts.body = std::move(msg.body());
  HttpRequest req;
  FillRequest(std::move(parts), req, "127.0.0.1", false);
  return req;
}

}  // namespace xiaoan::http
