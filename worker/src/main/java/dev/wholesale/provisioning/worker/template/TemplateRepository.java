package dev.wholesale.provisioning.worker.template;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.wholesale.provisioning.contracts.catalogue.AuthenticationMethod;
import dev.wholesale.provisioning.contracts.template.Authentication;
import dev.wholesale.provisioning.contracts.template.Template;

/** Templates of one partner at a time: every query is scoped by partner. */
@Repository
public class TemplateRepository {

    private static final String COLUMNS = """
            provisioning_id, name, country, language, service_provider_admin_email, wholesale_subscription_id,
            auth_method, idp_entity_id, pstn_provider, brand_name, restrict_admin_invite_emails, disable_webex_calling
            """;

    private final JdbcTemplate jdbc;

    public TemplateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A template as its partner refers to it. */
    public record TemplateKey(String partnerId, UUID provisioningId) {
    }

    /**
     * The live templates among these, in one round trip, share-locked so that none can be deleted
     * while customers are created from it. Rows are locked in key order, as every batch does.
     */
    public Map<TemplateKey, Template> findForUse(Collection<TemplateKey> keys) {
        Map<TemplateKey, Template> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query("select partner_id, " + COLUMNS + """
                 from unnest(?::text[], ?::uuid[]) as wanted(wanted_partner_id, wanted_provisioning_id)
                 join template on partner_id = wanted_partner_id and provisioning_id = wanted_provisioning_id
                where deleted_at is null
                order by partner_id, provisioning_id
                  for share of template
                """, statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("text",
                            keys.stream().map(TemplateKey::partnerId).toArray()));
                    statement.setArray(2, connection.createArrayOf("uuid",
                            keys.stream().map(TemplateKey::provisioningId).toArray()));
                }, row -> {
                    Template template = template(row);
                    found.put(new TemplateKey(row.getString("partner_id"), UUID.fromString(template.provisioningId())),
                            template);
                });
        return found;
    }

    /** A live template, locked for a change. */
    public Optional<Template> findForChange(String partnerId, UUID provisioningId) {
        return jdbc.query("select " + COLUMNS + " from template where partner_id = ? and provisioning_id = ?"
                        + " and deleted_at is null for update",
                (row, n) -> template(row), partnerId, provisioningId).stream().findFirst();
    }

    /** Whether another live template of this partner has the name. */
    public boolean nameTaken(String partnerId, String name, UUID except) {
        Boolean taken = jdbc.queryForObject("""
                select exists (select 1 from template where partner_id = ? and name = ? and deleted_at is null
                                                     and provisioning_id is distinct from ?)
                """, Boolean.class, partnerId, name, except);
        return Boolean.TRUE.equals(taken);
    }

    public boolean usedByLiveCustomer(UUID provisioningId) {
        Boolean used = jdbc.queryForObject(
                "select exists (select 1 from customer where provisioning_id = ? and state = 'ACTIVE')",
                Boolean.class, provisioningId);
        return Boolean.TRUE.equals(used);
    }

    public void insert(String partnerId, Template template, Instant now) {
        Authentication auth = template.authentication();
        jdbc.update("insert into template (" + COLUMNS + ", partner_id, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(template.provisioningId()), template.templateName(), template.country(),
                template.language(), template.serviceProviderAdminEmail(), template.wholesaleSubscriptionId(),
                auth.method().name(), auth.idpEntityId(), template.pstnProvider(), template.brandName(),
                template.restrictAdminInviteEmails(), template.disableWebexCalling(), partnerId,
                Timestamp.from(now), Timestamp.from(now));
    }

    public void update(String partnerId, Template template, Instant now) {
        Authentication auth = template.authentication();
        jdbc.update("""
                update template set name = ?, country = ?, language = ?, service_provider_admin_email = ?,
                       wholesale_subscription_id = ?, auth_method = ?, idp_entity_id = ?, pstn_provider = ?,
                       brand_name = ?, restrict_admin_invite_emails = ?, disable_webex_calling = ?, updated_at = ?
                 where partner_id = ? and provisioning_id = ?
                """, template.templateName(), template.country(), template.language(),
                template.serviceProviderAdminEmail(), template.wholesaleSubscriptionId(), auth.method().name(),
                auth.idpEntityId(), template.pstnProvider(), template.brandName(), template.restrictAdminInviteEmails(),
                template.disableWebexCalling(), Timestamp.from(now), partnerId, UUID.fromString(template.provisioningId()));
    }

    public void delete(String partnerId, UUID provisioningId, Instant now) {
        jdbc.update("update template set deleted_at = ? where partner_id = ? and provisioning_id = ?",
                Timestamp.from(now), partnerId, provisioningId);
    }

    private static Template template(ResultSet row) throws SQLException {
        return new Template(row.getString("provisioning_id"), row.getString("name"), row.getString("country"),
                row.getString("language"), row.getString("service_provider_admin_email"),
                row.getString("wholesale_subscription_id"),
                new Authentication(AuthenticationMethod.valueOf(row.getString("auth_method")), row.getString("idp_entity_id")),
                row.getString("pstn_provider"), row.getString("brand_name"),
                row.getBoolean("restrict_admin_invite_emails"), row.getBoolean("disable_webex_calling"));
    }
}
