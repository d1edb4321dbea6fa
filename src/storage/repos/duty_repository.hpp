#pragma once
// Duty templates, duty lists with their signing and 三管三必须 areas (migration 0045).
#include "domain/duty/duty.hpp"
#include "storage/sql/connection.hpp"

namespace xiaoan::storage {

class SqlDutyRepository final : public domain::duty::DutyRepository {
 public:
  explicit SqlDutyRepository(sql::Connection& conn) : conn_(conn) {}
  Result<std::vector<domain::duty::Template>> Templates() override;
  Result<bool> SaveTemplate(domain::duty::Template& t) override;
  Result<std::optional<domain::duty::DutyList>> List(std::int64_t id) override;
  Result<std::optional<domain::duty::DutyList>> ListOf(std::int64_t user_id) override;
  Result<std::vector<domain::duty::DutyList>> Lists(const domain::ScopeFilter& scope,
                                                    std::optional<std::int64_t> school_id) override;
  Result<bool> SaveList(domain::duty::DutyList& l) override;
  Result<bool> Sign(std::int64_t id, int version, const domain::duty::Signing& s) override;
  Result<std::optional<domain::duty::AreaSet>> AreasOf(std::int64_t school_id) override;
  Result<std::vector<domain::duty::AreaSet>> AreaSets(const domain::ScopeFilter& scope) override;
  Result<bool> SaveAreas(domain::duty::AreaSet& s) override;
  // 监管事项 (migration 0046; duty_supervision_repository.cpp).
  Result<std::vector<domain::duty::SupervisionItem>> SupervisionItems(
      std::int64_t bureau_id) override;
  Result<std::vector<domain::duty::SupervisionItem>> SupervisionItemsOf(
      std::int64_t person_user_id) override;
  Result<std::optional<domain::duty::SupervisionItem>> SupervisionItemById(
      std::int64_t id) override;
  Result<bool> SaveSupervisionItem(domain::duty::SupervisionItem& item) override;
  Result<bool> DeleteSupervisionItem(std::int64_t id, int version) override;
  // 全区“一盘棋” (migration 0047; duty_work_repository.cpp).
  Result<std::vector<domain::duty::WorkItem>> WorkItems(std::int64_t bureau_id) override;
  Result<std::vector<domain::duty::WorkItem>> WorkItemsFor(std::int64_t unit_id) override;
  Result<std::optional<domain::duty::WorkItem>> WorkItemById(std::int64_t id) override;
  Result<bool> SaveWorkItem(domain::duty::WorkItem& item) override;
  Result<bool> DeleteWorkItem(std::int64_t id, int version) override;
  Result<std::vector<domain::duty::WorkReport>> WorkReports(std::int64_t item_id) override;
  Result<std::vector<domain::duty::WorkReport>> WorkReportsOf(std::int64_t unit_id) override;
  Result<bool> AddWorkReport(const domain::duty::WorkReport& report) override;
  Result<bool> RemoveWorkReport(std::int64_t item_id, std::int64_t unit_id,
                                domain::duty::Day due) override;

 private:
  Result<std::vector<domain::duty::DutyList>> LoadLists(const std::string& where,
                                                        const sql::Params& params);
  Result<std::vector<domain::duty::AreaSet>> LoadAreas(const std::string& where,
                                                       const sql::Params& params);
  Result<std::vector<domain::duty::SupervisionItem>> LoadSupervisionItems(
      const std::string& where, const sql::Params& params);
  Result<std::vector<domain::duty::WorkItem>> LoadWorkItems(const std::string& where,
                                                            const sql::Params& params);
  Result<std::vector<domain::duty::WorkReport>> LoadWorkReports(const std::string& where,
                                                                const sql::Params& params);
  sql::Connection& conn_;
};

}  // namespace xiaoan::storage
