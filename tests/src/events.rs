//! Event fixtures: an organiser's input dated from the application's clock,
//! a published district event, and many cardholders signed in at once
//! (written straight into the tables: the sign-in's throttles are not what
//! the capacity tests are about).

use chrono::{DateTime, Duration, Utc};
use linan_backend::{
    auth::secret,
    entity::{card, card_session, person},
};
use linan_shared::{
    CardStatus, DistrictCode, EligibilityRule, EventDto, EventInput, EventType, GeoPoint, PersonStatus, VenueInput,
};
use reqwest::{Method, StatusCode};
use sea_orm::{ActiveValue::NotSet, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::{TestApp, fixtures::zh, session::Who};

/// A district event of `district` for `capacity` seats: registration open
/// from an hour ago until a day from `now`, starting in two days.
pub fn event_input(district: &str, title: &str, capacity: u32, now: DateTime<Utc>) -> EventInput {
    let at = |d: Duration| (now + d).to_rfc3339();
    EventInput {
        district: DistrictCode::parse(district).unwrap_or_else(|e| panic!("{e}")),
        event_type: EventType::TrainingClass,
        title: zh(title),
        summary: zh("测试活动摘要"),
        description: zh("测试活动说明"),
        agenda: zh("14:00 签到；14:30 开讲"),
        venue: VenueInput {
            address: Some(zh("广州市荔湾区测试路 1 号")),
            location: Some(GeoPoint::new(23.12, 113.24).unwrap_or_else(|e| panic!("{e}"))),
            online_url: None,
        },
        starts_at: at(Duration::days(2)),
        ends_at: at(Duration::days(2) + Duration::hours(2)),
        registration_opens_at: at(-Duration::hours(1)),
        registration_closes_at: at(Duration::days(1)),
        capacity,
        waitlist: true,
        eligibility: Vec::<EligibilityRule>::new(),
        per_person_yearly: None,
    }
}

impl TestApp {
    /// Creates `input` as `admin` and publishes it; the published event.
    pub async fn publish_event(&self, admin: &Who, input: &EventInput) -> EventDto {
        let draft: EventDto =
            self.call(Method::POST, "/api/v1/admin/events", Some(admin), Some(input), StatusCode::CREATED).await;
        let path = format!("/api/v1/admin/events/{}/publish", draft.id);
        self.call(Method::POST, &path, Some(admin), Some(&json!({"version": draft.version})), StatusCode::OK).await
    }

    /// `n` new people, each with one active card of `scheme` tier `tier`
    /// and a card session; their bearer tokens.
    pub async fn many_holders(&self, n: usize, scheme: &str, tier: &str) -> Vec<String> {
        let db = &self.state.db;
        let reference = self.reference().await;
        let s = reference.scheme_by_code(scheme).unwrap_or_else(|| panic!("no scheme {scheme}"));
        let t = reference.tier_by_code(s.id, tier).unwrap_or_else(|| panic!("no tier {tier}"));
        let now = self.state.clock.now();
        let unique = uuid::Uuid::new_v4().simple().to_string();
        let people = (0..n).map(|i| person::ActiveModel {
            id: NotSet,
            id_hash: Set(format!("{unique}-{i}")),
            status: Set(PersonStatus::Active),
            reason: Set(None),
            created_at: Set(now),
        });
        person::Entity::insert_many(people).exec(db).await.unwrap_or_else(|e| panic!("people: {e}"));
        let people = person::Entity::find()
            .filter(person::Column::IdHash.starts_with(&unique))
            .all(db)
            .await
            .unwrap_or_else(|e| panic!("people: {e}"));
        let today = self.state.clock.today();
        let cards = people.iter().enumerate().map(|(i, p)| card::ActiveModel {
            id: NotSet,
            number: Set(format!("T{}{i:06}", &unique[..8])),
            scheme_id: Set(s.id),
            tier_id: Set(t.id),
            person_id: Set(p.id),
            holder_name: Set(format!("测试{i}")),
            id_last4_hash: Set(String::new()),
            birth_date_hash: Set(None),
            valid_from: Set(today - Duration::days(1)),
            valid_until: Set(today + Duration::days(365)),
            status: Set(CardStatus::Active),
            reason: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        });
        card::Entity::insert_many(cards).exec(db).await.unwrap_or_else(|e| panic!("cards: {e}"));
        let cards = card::Entity::find()
            .filter(card::Column::Number.starts_with(format!("T{}", &unique[..8])))
            .all(db)
            .await
            .unwrap_or_else(|e| panic!("cards: {e}"));
        let tokens: Vec<String> = (0..cards.len()).map(|i| format!("holder-{unique}-{i}")).collect();
        let sessions = cards.iter().zip(&tokens).map(|(c, token)| card_session::ActiveModel {
            id: NotSet,
            token_hash: Set(secret::digest(token)),
            card_id: Set(c.id),
            expires_at: Set(now + Duration::hours(2)),
            created_at: Set(now),
        });
        card_session::Entity::insert_many(sessions).exec(db).await.unwrap_or_else(|e| panic!("sessions: {e}"));
        tokens
    }
}
