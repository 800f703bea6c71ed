//! `/api/v1/admin/*`: the review queues, decisions, the integrity list and the audit log.

use linan_shared::{
    AuditPage, Decision, HoldList, OfferDto, OfferList, PartnerList, PartnerProfileDto, PartnerStatus, ReasonRequest,
    percent_encode,
};

use super::{Api, ClientError};
use crate::actions::{IntegrityAction, Verdict};

/// Review items per page: each is a whole card with a decision form.
pub const QUEUE_PAGE: u32 = 20;

/// The query of a review queue's page: `status` if given, the page size and the cursor.
pub fn queue_query(status: Option<&str>, cursor: Option<&str>, limit: u32) -> String {
    let mut parts = Vec::new();
    if let Some(status) = status {
        parts.push(format!("status={}", percent_encode(status)));
    }
    parts.push(format!("limit={limit}"));
    if let Some(cursor) = cursor {
        parts.push(format!("cursor={}", percent_encode(cursor)));
    }
    parts.join("&")
}

/// A page of the partners in `status`, within the admin's district.
pub async fn partners(api: &Api, status: PartnerStatus, cursor: Option<&str>) -> Result<PartnerList, ClientError> {
    api.get(&format!("/api/v1/admin/partners?{}", queue_query(Some(status.as_str()), cursor, QUEUE_PAGE))).await
}

/// Approves, rejects, suspends or reinstates a partner.
pub async fn decide_partner(
    api: &Api,
    id: i64,
    verdict: Verdict,
    decision: &Decision,
) -> Result<PartnerProfileDto, ClientError> {
    api.post(&format!("/api/v1/admin/partners/{id}/{}", verdict.segment()), decision).await
}

/// A page of the approved partners whose profile edit awaits review, within the admin's district.
pub async fn partner_edits(api: &Api, cursor: Option<&str>) -> Result<PartnerList, ClientError> {
    api.get(&format!("/api/v1/admin/partner-revisions?{}", queue_query(None, cursor, QUEUE_PAGE))).await
}

/// Approves or rejects partner `id`'s pending profile edit.
pub async fn decide_partner_edit(
    api: &Api,
    id: i64,
    verdict: Verdict,
    decision: &Decision,
) -> Result<PartnerProfileDto, ClientError> {
    api.post(&format!("/api/v1/admin/partner-revisions/{id}/{}", verdict.segment()), decision).await
}

/// A page of the offers awaiting review, and published offers with an edit awaiting review.
pub async fn pending_offers(api: &Api, cursor: Option<&str>) -> Result<OfferList, ClientError> {
    api.get(&format!("/api/v1/admin/offers?{}", queue_query(Some("pending_review"), cursor, QUEUE_PAGE))).await
}

/// Approves or rejects an offer (or its pending edit).
pub async fn decide_offer(api: &Api, id: i64, verdict: Verdict, decision: &Decision) -> Result<OfferDto, ClientError> {
    api.post(&format!("/api/v1/admin/offers/{id}/{}", verdict.segment()), decision).await
}

/// Puts the card `number` (or its holder) on the integrity list, or takes
/// it off (a hold of the admin's district, or the alliance's). The answer is
/// the new state as the audit log records it (`{"number", "status",
/// "registry_status", "reason", "deciding_district", "hold_id"}`), which the
/// model does not type.
pub async fn integrity(
    api: &Api,
    number: &str,
    action: IntegrityAction,
    request: &ReasonRequest,
) -> Result<serde_json::Value, ClientError> {
    api.post(&format!("/api/v1/admin/cards/{}/{}", percent_encode(number), action.segment()), request).await
}

/// The live holds of the integrity list concerning the admin's district.
pub async fn holds(api: &Api) -> Result<HoldList, ClientError> {
    api.get("/api/v1/admin/holds").await
}

/// The audit log's filters; empty strings are left out of the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// e.g. `offer.submit`.
    pub action: String,
    /// `account`, `partner` or `offer`.
    pub entity: String,
    /// The entity's id.
    pub entity_id: String,
    /// The acting account's id.
    pub actor: String,
}

impl AuditFilter {
    /// The query string (without `?`) for this filter, a cursor and a page size.
    pub fn query(&self, cursor: Option<&str>, limit: u32) -> String {
        let mut parts = Vec::new();
        for (name, value) in [
            ("action", self.action.trim()),
            ("entity", self.entity.trim()),
            ("entity_id", self.entity_id.trim()),
            ("actor", self.actor.trim()),
            ("cursor", cursor.unwrap_or_default()),
        ] {
            if !value.is_empty() {
                parts.push(format!("{name}={}", percent_encode(value)));
            }
        }
        parts.push(format!("limit={limit}"));
        parts.join("&")
    }
}

/// One page of the audit log, newest first.
pub async fn audit(api: &Api, filter: &AuditFilter, cursor: Option<&str>) -> Result<AuditPage, ClientError> {
    api.get(&format!("/api/v1/admin/audit?{}", filter.query(cursor, 50))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_queries_leave_out_blanks_and_encode_values() {
        assert_eq!(AuditFilter::default().query(None, 50), "limit=50");
        let filter = AuditFilter { action: " offer.submit ".into(), entity_id: "12".into(), ..AuditFilter::default() };
        assert_eq!(filter.query(Some("a+b/="), 20), "action=offer.submit&entity_id=12&cursor=a%2Bb%2F%3D&limit=20");
    }

    #[test]
    fn queue_queries_carry_the_state_the_size_and_an_encoded_cursor() {
        assert_eq!(queue_query(Some("pending"), None, 20), "status=pending&limit=20");
        assert_eq!(
            queue_query(Some("pending_review"), Some("eyJ1Ij=+/"), 5),
            "status=pending_review&limit=5&cursor=eyJ1Ij%3D%2B%2F"
        );
        assert_eq!(queue_query(None, None, 1), "limit=1");
    }
}
