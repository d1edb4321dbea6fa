// The storage reference of the benchmarks: a plain C++ loop that inserts rows into an existing
// Xiaoan SQLite database (same schema, same indexes, WAL, synchronous=FULL) with one prepared
// statement per table in batched transactions. Nothing of Xiaoan's own code is used, so the
// figure is the ceiling that Xiaoan's import and write paths are compared with.
//
// Usage: xiaoan-bench-insert DB TABLE TSV [--batch N] [--event]
//   TSV    first line: column names of TABLE; then one row per line, tab-separated; a cell of
//          exactly \N is NULL.
//   --event  after each row, also insert its timeline entry into hazard_events (as the ledger
//          import does for every hazard).
// Prints one JSON object: {"rows": N, "seconds": S, "rows_per_second": R}.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const auto tab = line.find('\t', from);
    out.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
    if (tab == std::string::npos) return out;
    from = tab + 1;
  }
}

int Fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "xiaoan-bench-insert: %s: %s\n", what,
               db != nullptr ? sqlite3_errmsg(db) : "error");
  return 1;
}

bool Exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: xiaoan-bench-insert DB TABLE TSV [--batch N] [--event]\n");
    return 2;
  }
  const std::string db_path = argv[1];
  const std::string table = argv[2];
  const std::string tsv = argv[3];
  int batch = 1000;
  bool event = false;
  for (int i = 4; i < argc; ++i) {
    if (std::strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
      batch = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--event") == 0) {
      event = true;
    } else {
      std::fprintf(stderr, "xiaoan-bench-insert: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  std::ifstream in(tsv);
  std::string line;
  if (!in || !std::getline(in, line)) {
    std::fprintf(stderr, "xiaoan-bench-insert: cannot read %s\n", tsv.c_str());
    return 1;
  }
  const auto columns = SplitTabs(line);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(SplitTabs(line));
  }

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    return Fail(db, "open");
  }
  if (!Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")) {
    return Fail(db, "pragma");
  }
  std::string sql = "INSERT INTO " + table + " (";
  std::string marks;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i];
    marks += i ? ", ?" : "?";
  }
  sql += ") VALUES (" + marks + ")";
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* insert_event = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr) != SQLITE_OK) {
    return Fail(db, "prepare");
  }
  if (event &&
      sqlite3_prepare_v2(db,
                         "INSERT INTO hazard_events (hazard_id, at, actor, action, from_state, "
                         "to_state, note) VALUES (?, ?, 'bench', 'import', '', ?, ?)",
                         -1, &insert_event, nullptr) != SQLITE_OK) {
    return Fail(db, "prepare event");
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t done = 0;
  while (done < rows.size()) {
    if (!Exec(db, "BEGIN IMMEDIATE")) return Fail(db, "begin");
    const std::size_t end = std::min(rows.size(), done + static_cast<std::size_t>(batch));
    for (; done < end; ++done) {
      const auto& row = rows[done];
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const int at = static_cast<int>(c) + 1;
        if (c >= row.size() || row[c] == "\\N") {
          sqlite3_bind_null(insert, at);
        } else {
          sqlite3_bind_text(insert, at, row[c].data(), static_cast<int>(row[c].size()),
                            SQLITE_STATIC);
        }
      }
      if (sqlite3_step(insert) != SQLITE_DONE) return Fail(db, "insert");
      sqlite3_reset(insert);
      if (insert_event != nullptr) {
        static const std::string kNote = "由台账导入";
        sqlite3_bind_int64(insert_event, 1, sqlite3_last_insert_rowid(db));
        sqlite3_bind_text(insert_event, 2, "2026-11-30T00:00:00Z", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert_event, 3, "reported", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert_event, 4, kNote.c_str(), -1, SQLITE_STATIC);
        if (sqlite3_step(insert_event) != SQLITE_DONE) return Fail(db, "insert event");
        sqlite3_reset(insert_event);
      }
    }
    if (!Exec(db, "COMMIT")) return Fail(db, "commit");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sqlite3_finalize(insert);
  sqlite3_finalize(insert_event);
  sqlite3_close_v2(db);
  std::printf("{\"rows\": %zu, \"seconds\": %.6f, \"rows_per_second\": %.1f}\n", rows.size(),
              seconds, seconds > 0 ? static_cast<double>(rows.size()) / seconds : 0.0);
  return 0;
}
