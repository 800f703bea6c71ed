//! Writing synthetic benefits in bulk: multi-row inserts of
//! [`BATCH`] benefits (and then their rules) inside one transaction, with
//! every column filled exactly as `catalogue::create_benefit` fills it.

use chrono::{DateTime, Utc};
use linan_backend::{
    calendar::to_naive,
    catalogue::{benefit_row, bump_version},
    clock::Clock,
    entity::{benefit, benefit_eligibility, partner},
    reference::Reference,
};
use linan_shared::{BenefitStatus, PartnerStatus, TierCode};
use sea_orm::{ActiveValue::NotSet, DatabaseConnection, DbErr, EntityTrait, QueryOrder, Set, TransactionTrait};

use crate::{
    rng::Rng,
    synth::{self, Kind, Scheme, Synthetic},
};

/// Benefits per `INSERT` (30 columns each: well under the bind-parameter
/// limits of SQLite, 32 766, and PostgreSQL, 65 535).
const BATCH: usize = 500;

/// Terms whose hit rate the seed reports (lower-cased, as the search compares).
const TERMS: [&str; 5] = ["医院", "公园", "免费", "museum", "博物馆"];

/// What was inserted.
pub(crate) struct Stats {
    /// Synthetic benefits inserted.
    pub(crate) benefits: usize,
    /// Of these, the ones the public list shows today.
    pub(crate) public: usize,
    /// Eligibility rules inserted.
    pub(crate) rules: usize,
    /// Synthetic rows each search term matches.
    pub(crate) term_hits: Vec<(&'static str, usize)>,
}

fn inconsistent(what: String) -> DbErr {
    DbErr::Custom(format!("cannot generate benefits: {what}"))
}

/// The card schemes with their tier codes.
fn schemes(reference: &Reference) -> Result<Vec<Scheme>, DbErr> {
    let mut out = Vec::new();
    for s in &reference.schemes {
        let tiers = reference
            .tiers_of(s.id)
            .map(|t| TierCode::parse(&t.code))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| inconsistent(e.to_string()))?;
        let code = linan_shared::SchemeCode::parse(&s.code).map_err(|e| inconsistent(e.to_string()))?;
        if tiers.is_empty() {
            return Err(inconsistent(format!("scheme {} has no tiers", s.code)));
        }
        out.push(Scheme { code, district_id: s.district_id, tiers });
    }
    Ok(out)
}

/// The row `create_benefit` would write for `s` of partner `p`.
fn row(
    reference: &Reference,
    p: &partner::Model,
    s: &Synthetic,
    now: DateTime<Utc>,
) -> Result<benefit::ActiveModel, DbErr> {
    let category = reference
        .category_by_code(s.input.category.as_str())
        .ok_or_else(|| inconsistent(format!("unknown category {}", s.input.category)))?;
    let published_at = s.published_at.map(|at| at.timestamp_millis());
    benefit_row(p, category.id, &s.input, s.status, published_at, now).map_err(|e| inconsistent(e.to_string()))
}

/// Inserts `count` synthetic benefits spread over all partners, then bumps
/// the catalogue version, all in one transaction.
pub(crate) async fn synthetic_benefits(db: &DatabaseConnection, count: usize, seed: u64) -> Result<Stats, DbErr> {
    let reference = Reference::load(db).await?;
    let schemes = schemes(&reference)?;
    let partners = partner::Entity::find().order_by_asc(partner::Column::Id).all(db).await?;
    if partners.is_empty() {
        return Err(inconsistent("no partners (the demo data did not load?)".to_owned()));
    }
    let clock = Clock::default();
    let (day, now) = (clock.today(), clock.now());
    let mut rng = Rng::new(seed);
    let mut stats = Stats { benefits: 0, public: 0, rules: 0, term_hits: TERMS.iter().map(|t| (*t, 0)).collect() };

    let txn = db.begin().await?;
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        let mut rows = Vec::with_capacity(n);
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let p = rng.pick(&partners);
            let s = synth::benefit(&mut rng, Kind::of_partner(&p.kind), p.district_id, &schemes, day, now)
                .map_err(|e| inconsistent(e.to_string()))?;
            s.input.validate().map_err(|e| inconsistent(format!("{}: {}", e.field, e.message)))?;
            let r = row(&reference, p, &s, now)?;
            let (valid_from, valid_until) = (to_naive(s.input.validity.from), to_naive(s.input.validity.until));
            if s.status == BenefitStatus::Published
                && p.status == PartnerStatus::Approved
                && valid_from <= day
                && day <= valid_until
            {
                stats.public += 1;
            }
            for (term, hits) in &mut stats.term_hits {
                let text = (r.search_title.as_ref(), r.search_body.as_ref());
                if text.0.contains(*term) || text.1.contains(*term) {
                    *hits += 1;
                }
            }
            rules.push(s.input.eligibility);
            rows.push(r);
        }
        // Ids are handed out in VALUES order; sorting makes the pairing
        // independent of the order RETURNING reports them in.
        let mut ids = benefit::Entity::insert_many(rows).exec_with_returning_keys(&txn).await?;
        if ids.len() != n {
            return Err(inconsistent(format!("inserted {n} benefits but got {} ids back", ids.len())));
        }
        ids.sort_unstable();
        let mut links = Vec::new();
        for (id, benefit_rules) in ids.iter().zip(rules) {
            for rule in benefit_rules {
                let scheme = reference
                    .scheme_by_code(rule.scheme.as_str())
                    .ok_or_else(|| inconsistent(format!("unknown scheme {}", rule.scheme)))?;
                let tier = reference
                    .tier_by_code(scheme.id, rule.min_tier.as_str())
                    .ok_or_else(|| inconsistent(format!("unknown tier {}", rule.min_tier)))?;
                links.push(benefit_eligibility::ActiveModel {
                    id: NotSet,
                    benefit_id: Set(*id),
                    scheme_id: Set(scheme.id),
                    min_tier_id: Set(tier.id),
                });
            }
        }
        stats.rules += links.len();
        benefit_eligibility::Entity::insert_many(links).exec_without_returning(&txn).await?;
        done += n;
        stats.benefits = done;
    }
    bump_version(&txn).await?;
    txn.commit().await?;
    Ok(stats)
}
