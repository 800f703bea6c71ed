//! Reading a model from the database: the version and the public rows in
//! one snapshot, so the model is exactly that version's catalogue.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    AccessMode, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult, IsolationLevel, TransactionTrait,
};

use super::{ReadModel, Row, index::TextIndex};
use crate::{db::sql::Sql, entity::catalogue_state, live};

#[derive(Debug, FromQueryResult)]
struct Loaded {
    id: i64,
    partner_id: i64,
    district_id: i64,
    category_id: i64,
    published_at: Option<i64>,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    lat: f64,
    lon: f64,
    search_title: String,
    search_body: String,
}

#[derive(Debug, FromQueryResult)]
struct Rule {
    benefit_id: i64,
    min_tier_id: i64,
}

impl ReadModel {
    /// Reads the current version's public rows.
    pub async fn load(db: &DatabaseConnection) -> Result<ReadModel, DbErr> {
        let backend = db.get_database_backend();
        // One snapshot for the three reads. SQLite's deferred transaction
        // takes it at the first read and takes no isolation settings.
        let txn = match backend {
            DbBackend::Sqlite => db.begin().await?,
            _ => db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?,
        };
        let version = catalogue_state::Entity::find_by_id(1).one(&txn).await?.map_or(0, |s| s.version);
        let mut sql = Sql::new(backend);
        sql.push(
            "SELECT b.id AS id, b.partner_id AS partner_id, b.district_id AS district_id, \
             b.category_id AS category_id, b.published_at AS published_at, b.valid_from AS valid_from, \
             b.valid_until AS valid_until, p.lat AS lat, p.lon AS lon, b.search_title AS search_title, \
             b.search_body AS search_body FROM benefit b JOIN partner p ON p.id = b.partner_id WHERE ",
        );
        live::push_public_sql(&mut sql);
        let loaded = Loaded::find_by_statement(sql.into_statement()).all(&txn).await?;
        let rules = Rule::find_by_statement(sea_orm::Statement::from_string(
            backend,
            "SELECT benefit_id, min_tier_id FROM benefit_eligibility",
        ))
        .all(&txn)
        .await?;
        txn.commit().await?;
        Ok(ReadModel::from_rows(version, loaded, rules))
    }

    /// The model of `loaded`; an unusable one (see [`ReadModel::usable`]) when
    /// a public row has no `published_at`, which the two databases order
    /// differently, so only SQL can answer as before.
    fn from_rows(version: i64, loaded: Vec<Loaded>, rules: Vec<Rule>) -> ReadModel {
        if loaded.iter().any(|b| b.published_at.is_none()) {
            tracing::warn!("a public benefit has no publication time; lists use SQL");
            return ReadModel {
                version,
                usable: false,
                rows: Vec::new(),
                ending: Vec::new(),
                index: TextIndex::default(),
            };
        }
        let mut tiers: HashMap<i64, Vec<i64>> = HashMap::new();
        for rule in rules {
            tiers.entry(rule.benefit_id).or_default().push(rule.min_tier_id);
        }
        let mut rows = Vec::with_capacity(loaded.len());
        for b in loaded {
            rows.push(Row {
                id: b.id,
                partner_id: b.partner_id,
                district_id: b.district_id,
                category_id: b.category_id,
                published_at: b.published_at.unwrap_or_default(),
                valid_from: b.valid_from,
                valid_until: b.valid_until,
                lat: b.lat,
                lon: b.lon,
                title: b.search_title.into_boxed_str(),
                body: b.search_body.into_boxed_str(),
                min_tiers: tiers.remove(&b.id).unwrap_or_default().into_boxed_slice(),
            });
        }
        rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.published_at, r.id)));
        let mut ending: Vec<u32> = (0..rows.len() as u32).collect();
        ending.sort_unstable_by_key(|&pos| {
            let row = &rows[pos as usize];
            (row.valid_until, row.id)
        });
        let index = TextIndex::build(&rows);
        ReadModel { version, usable: true, rows, ending, index }
    }
}
