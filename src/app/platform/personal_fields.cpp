#include "app/platform/platform.hpp"

namespace xiaoan::app {

Result<domain::FieldProtectionReport> ProtectPersonalFields(Services& s,
                                                            const RequestContext& ctx) {
  return s.store.ProtectFields(
      [&](domain::Tx& tx, const domain::FieldProtectionReport& r) -> Status {
        if (r.changed == 0) return {};
        std::string summary =
            r.sealing ? "个人信息字段以 SM4 加密（第 " + std::to_string(r.key_version) +
                            " 版字段密钥）：改写 " + std::to_string(r.changed) + " 项，共 " +
                            std::to_string(r.sealed) + " 项已加密"
                      : "个人信息字段以明文保存：改写 " + std::to_string(r.changed) + " 项（其中 " +
                            std::to_string(r.opened) + " 项由密文改回明文，其余为查找索引）";
        XA_TRY(tx.audit().Append(
            AuditOf(s, ctx, "fields.protect", "personal_fields", "", std::move(summary))));
        return {};
      });
}

}  // namespace xiaoan::app
