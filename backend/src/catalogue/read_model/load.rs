//! Reading a model from the database: the version, the reference data and
//! the public rows in one snapshot, so the model is exactly that version's
//! catalogue.

use std::{collections::HashMap, sync::Arc};

use linan_shared::Lang;
use sea_orm::{
    AccessMode, DatabaseConnection, DbBackend, DbErr, EntityTrait, IsolationLevel, QueryFilter, QueryOrder,
    TransactionTrait,
};

use super::{ReadModel, Row, Shown, index::TextIndex};
use crate::{
    catalogue::assemble::{Loaded, summary},
    entity::{benefit, benefit_eligibility, catalogue_state, partner},
    live,
    reference::Reference,
};

impl ReadModel {
    /// Reads the current version's public rows.
    pub async fn load(db: &DatabaseConnection) -> Result<ReadModel, DbErr> {
        // One snapshot for every read. SQLite's deferred transaction takes it
        // at the first read and takes no isolation settings.
        let txn = match db.get_database_backend() {
            DbBackend::Sqlite => db.begin().await?,
            _ => db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?,
        };
        let version = catalogue_state::Entity::find_by_id(1).one(&txn).await?.map_or(0, |s| s.version);
        let reference = Reference::load(&txn).await?;
        let benefits = benefit::Entity::find().filter(live::public_condition()).all(&txn).await?;
        let partners: HashMap<i64, partner::Model> = partner::Entity::find()
            .filter(live::partner_condition())
            .all(&txn)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut rules: HashMap<i64, Vec<benefit_eligibility::Model>> = HashMap::new();
        // Ordered by id, as the SQL path loads them ([`Loaded::for_benefits`]).
        for rule in benefit_eligibility::Entity::find().order_by_asc(benefit_eligibility::Column::Id).all(&txn).await? {
            rules.entry(rule.benefit_id).or_default().push(rule);
        }
        txn.commit().await?;
        Ok(ReadModel::from_rows(version, &reference, benefits, Loaded { partners, rules }))
    }

    /// The model of `benefits`; an unusable one (see [`ReadModel::usable`])
    /// when a public row has no `published_at`, which the two databases order
    /// differently, so only SQL can answer as before.
    fn from_rows(version: i64, reference: &Reference, benefits: Vec<benefit::Model>, loaded: Loaded) -> ReadModel {
        if benefits.iter().any(|b| b.published_at.is_none()) {
            tracing::warn!("a public benefit has no publication time; lists use SQL");
            return ReadModel {
                version,
                usable: false,
                rows: Vec::new(),
                ending: Vec::new(),
                by_id: HashMap::new(),
                index: TextIndex::default(),
            };
        }
        let mut rows = Vec::with_capacity(benefits.len());
        for mut b in benefits {
            let Some(p) = loaded.partners.get(&b.partner_id) else { continue };
            let shown = Shown::of(reference, &loaded, &b);
            let min_tiers =
                loaded.rules.get(&b.id).map(|r| r.iter().map(|r| r.min_tier_id).collect()).unwrap_or_default();
            rows.push(Row {
                id: b.id,
                partner_id: b.partner_id,
                district_id: b.district_id,
                category_id: b.category_id,
                published_at: b.published_at.unwrap_or_default(),
                valid_from: b.valid_from,
                valid_until: b.valid_until,
                lat: p.lat,
                lon: p.lon,
                title: std::mem::take(&mut b.search_title).into_boxed_str(),
                body: std::mem::take(&mut b.search_body).into_boxed_str(),
                min_tiers,
                shown,
            });
        }
        rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.published_at, r.id)));
        let mut ending: Vec<u32> = (0..rows.len() as u32).collect();
        ending.sort_unstable_by_key(|&pos| {
            let row = &rows[pos as usize];
            (row.valid_until, row.id)
        });
        let by_id = rows.iter().enumerate().map(|(pos, r)| (r.id, pos as u32)).collect();
        let index = TextIndex::build(&rows);
        ReadModel { version, usable: true, rows, ending, by_id, index }
    }
}

impl Shown {
    /// The list item of `b` in every language, made by the same function the
    /// SQL path uses; a language whose item equals the previous one shares it.
    fn of(reference: &Reference, loaded: &Loaded, b: &benefit::Model) -> Shown {
        let mut items: Vec<Option<Arc<linan_shared::BenefitSummary>>> = Vec::with_capacity(Lang::ALL.len());
        for lang in Lang::ALL {
            let item = summary(reference, loaded, b, lang, None);
            let shared = match (item, items.last()) {
                (Some(item), Some(Some(previous))) if **previous == item => Some(previous.clone()),
                (item, _) => item.map(Arc::new),
            };
            items.push(shared);
        }
        Shown(items.into_boxed_slice())
    }
}
