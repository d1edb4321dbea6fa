#include "storage/sql_store.hpp"

#include "storage/repos/audit_user_repository.hpp"
#include "storage/repos/hazard_repository.hpp"
#include "storage/repos/org_repository.hpp"

namespace xiaoan::storage {
namespace {

class SqlTx final : public domain::Tx {
 public:
  SqlTx(sql::Connection& conn, domain::AuditHash hash)
      : org_(conn), users_(conn), audit_(conn, hash), hazards_(conn) {}
  domain::OrgRepository& org() override { return org_; }
  domain::UserRepository& users() override { return users_; }
  domain::AuditRepository& audit() override { return audit_; }
  domain::hazard::HazardRepository& hazards() override { return hazards_; }

 private:
  SqlOrgRepository org_;
  SqlUserRepository users_;
  SqlAuditRepository audit_;
  SqlHazardRepository hazards_;
};

}  // namespace

Status SqlStore::Run(bool write, const std::function<Status(domain::Tx&)>& work) {
  XA_ASSIGN_OR_RETURN(auto conn, pool_->Acquire());
  SqlTx tx(*conn, hash_);
  return sql::InTransaction(*conn, write, [&]() { return work(tx); });
}

Status SqlStore::Read(const std::function<Status(domain::Tx&)>& work) { return Run(false, work); }
Status SqlStore::Write(const std::function<Status(domain::Tx&)>& work) { return Run(true, work); }

}  // namespace xiaoan::storage
