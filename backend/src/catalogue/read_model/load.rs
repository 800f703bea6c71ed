//! Reading a model from the database: the version, the reference data and
//! the public rows in one snapshot, so the model is exactly that version's
//! catalogue.
//!
//! The benefits are read in batches of [`BATCH`] by id, each turned into
//! rows before the next is read: a stored benefit is about 4 KB (three
//! languages plus the two search copies), and holding all 100,000 at once
//! was the largest part of the memory a replica kept after building.

use std::collections::HashMap;

use linan_shared::Lang;
use sea_orm::{
    AccessMode, ColumnTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, IsolationLevel, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use super::{ReadModel, Row, grid::Grid, item::Packer, postings::Postings, query::FEW, texts::Interner};
use crate::{
    catalogue::assemble::{Loaded, summary},
    entity::{benefit, benefit_eligibility, catalogue_state, partner},
    live,
    reference::Reference,
};

/// Benefits read per query.
const BATCH: u64 = 2000;

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
        let partners: HashMap<i64, partner::Model> = partner::Entity::find()
            .filter(live::partner_condition())
            .all(&txn)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut loaded = Loaded { partners, rules: HashMap::new() };
        let mut builder =
            Builder { rows: Vec::new(), texts: Interner::default(), packer: Packer::default(), usable: true };
        let mut last = i64::MIN;
        loop {
            let benefits = benefit::Entity::find()
                .filter(live::public_condition())
                .filter(benefit::Column::Id.gt(last))
                .order_by_asc(benefit::Column::Id)
                .limit(BATCH)
                .all(&txn)
                .await?;
            let Some(b) = benefits.last() else { break };
            last = b.id;
            loaded.rules.clear();
            // Ordered by id, as the SQL path loads them ([`Loaded::for_benefits`]).
            for rule in benefit_eligibility::Entity::find()
                .filter(benefit_eligibility::Column::BenefitId.is_in(benefits.iter().map(|b| b.id)))
                .order_by_asc(benefit_eligibility::Column::Id)
                .all(&txn)
                .await?
            {
                loaded.rules.entry(rule.benefit_id).or_default().push(rule);
            }
            for b in benefits {
                builder.add(&reference, &loaded, b);
            }
        }
        txn.commit().await?;
        Ok(builder.finish(version))
    }
}

/// A model being read.
struct Builder {
    rows: Vec<Row>,
    texts: Interner,
    packer: Packer,
    /// See [`ReadModel::usable`].
    usable: bool,
}

impl Builder {
    fn add(&mut self, reference: &Reference, loaded: &Loaded, b: benefit::Model) {
        let Some(p) = loaded.partners.get(&b.partner_id) else { return };
        // A public row without `published_at` is ordered differently by the
        // two databases, so only SQL can answer as before.
        let Some(published_at) = b.published_at else {
            if self.usable {
                tracing::warn!(benefit = b.id, "a public benefit has no publication time; lists use SQL");
            }
            self.usable = false;
            return;
        };
        self.rows.push(Row {
            id: b.id,
            partner_id: b.partner_id,
            district_id: b.district_id,
            category_id: b.category_id,
            published_at,
            valid_from: b.valid_from,
            valid_until: b.valid_until,
            lat: p.lat,
            lon: p.lon,
            title: self.texts.lines(&b.search_title),
            body: self.texts.lines(&b.search_body),
            min_tiers: loaded.rules.get(&b.id).map(|r| r.iter().map(|r| r.min_tier_id).collect()).unwrap_or_default(),
            // The same function as the SQL path's list items.
            shown: self
                .packer
                .pack(&mut self.texts, Lang::ALL.map(|lang| summary(reference, loaded, &b, lang, None)).into()),
        });
    }

    fn finish(self, version: i64) -> ReadModel {
        if !self.usable {
            return ReadModel { version, usable: false, ..ReadModel::default() };
        }
        let mut rows = self.rows;
        rows.shrink_to_fit();
        rows.sort_unstable_by_key(|r| std::cmp::Reverse((r.published_at, r.id)));
        let mut ending: Vec<u32> = (0..rows.len() as u32).collect();
        ending.sort_unstable_by_key(|&pos| {
            let row = &rows[pos as usize];
            (row.valid_until, row.id)
        });
        let by_id = rows.iter().enumerate().map(|(pos, r)| (r.id, pos as u32)).collect();
        let grid = Grid::build(&rows);
        let texts = self.texts.finish();
        let postings = Postings::new(&texts, &rows);
        ReadModel {
            version,
            usable: true,
            rows,
            ending,
            by_id,
            texts,
            pieces: self.packer.finish(),
            postings,
            grid,
            few: FEW,
        }
    }
}
