#include "storage/sql/connection.hpp"

#include <cstdio>

namespace xiaoan::sql {

std::int64_t Rows::Int(std::size_t row, std::size_t col) const {
  const Value& v = at(row, col);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return std::atoll(s->c_str());
  return 0;
}

double Rows::Double(std::size_t row, std::size_t col) const {
  const Value& v = at(row, col);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) return std::atof(s->c_str());
  return 0;
}

std::string Rows::TakeText(std::size_t row, std::size_t col) {
  if (auto* s = std::get_if<std::string>(&cells_[row * columns_.size() + col])) {
    return std::move(*s);
  }
  return Text(row, col);
}

std::string Rows::Text(std::size_t row, std::size_t col) const {
  const Value& v = at(row, col);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  return {};
}

PooledConnection::~PooledConnection() {
  if (pool_ != nullptr && conn_) pool_->Release(std::move(conn_));
}

}  // namespace xiaoan::sql
