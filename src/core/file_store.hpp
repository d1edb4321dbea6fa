#pragma once
// The file store: uploaded contents kept once each under a directory, named by their SHA-256
// (<dir>/<first two hex digits>/<digest>). Uploads, downloads, backup and restore all use it.
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace xiaoan {

std::filesystem::path ContentPath(const std::string& dir, const std::string& sha256);
// Writes the bytes once per content: a temporary file renamed into place.
Status WriteContent(const std::string& dir, const std::string& sha256, const std::string& bytes);
// Reads a content back, refusing one that is missing or no longer matches its digest.
Result<std::string> ReadContent(const std::string& dir, const std::string& sha256);

}  // namespace xiaoan
