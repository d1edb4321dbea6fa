#pragma once
// Uploaded files (photos, documents) for every module: stored once by content digest, recorded
// here, and attached to one record of a module (its subject). Who may download a file follows
// the record it is attached to; until then, only the uploader.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::domain {

struct StoredFile {
  std::int64_t id = 0;
  std::string name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string uploaded_by;
  std::int64_t unit_id = 0;  // the uploader's unit
  std::string uploaded_at;
  // The record it is attached to, once attached (e.g. "hazard", 42).
  std::optional<std::string> subject_type;
  std::optional<std::int64_t> subject_id;
};

class FileRepository {
 public:
  virtual ~FileRepository() = default;
  virtual Status Insert(StoredFile& f) = 0;  // assigns id
  virtual Result<std::optional<StoredFile>> Find(std::int64_t id) = 0;
  // Attaches a file to a record; a file is attached once.
  virtual Status Attach(std::int64_t file_id, const std::string& subject_type,
                        std::int64_t subject_id) = 0;
  // The files attached to one record, oldest first.
  virtual Result<std::vector<StoredFile>> OfSubject(const std::string& subject_type,
                                                    std::int64_t subject_id) = 0;
};

}  // namespace xiaoan::domain
