//! The catalogue's read model answers exactly as SQL: on generated
//! catalogues (ties in time and distance, wildcards and case in texts,
//! hidden partners, drafts, windows around the day, eligibility rules) and
//! generated queries in every language, every page — items, order,
//! distances and the next cursor, byte for byte — is the same whether the
//! model or the SQL query chose it — both when a search's few candidates are keyed and
//! selected and when every search walks its order. `nearest` is checked
//! again on points spread over a lattice (many grid cells, exact ties in
//! distance between places, radii at the lattice's distances, a point far
//! outside the grid). And a replica answers from its model only while the
//! model is of its version, so a write is listed at once.

use chrono::{DateTime, Duration, Utc};
use linan_tests::{
    TestApp, db_tests,
    fixtures::{benefit_input, rule, zh},
    linan_backend::catalogue::{ReadModel, create_benefit, create_partner, list_benefits},
    linan_shared::{
        BenefitPage, BenefitQuery, BenefitStatus, CategoryCode, DistrictCode, GeoPoint, Lang, LocalizedText,
        PartnerInput, PartnerKind, PartnerStatus,
    },
};

db_tests!(Demo => {
    the_read_model_chooses_every_page_exactly_as_sql,
    nearest_pages_walk_the_grid_exactly_as_sql,
    a_write_is_listed_at_once_and_the_model_catches_up,
});

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Pieces of the generated texts and terms: Chinese words that overlap,
/// English in both cases, and the `LIKE` wildcards and escape.
const PIECES: &[&str] = &["医院", "公园", "西樵", "山", "荔枝", "湾", "Park", "park", "50%", "a_b", "!x", "Lake", "医"];
const TERMS: &[&str] = &[
    "医院",
    "公园",
    "园",
    "西樵山",
    "樵",
    "PARK",
    "ark",
    "50%",
    "%",
    "_",
    "a_b",
    "!",
    "!x",
    "lake",
    "湾 医",
    "院公",
    "ak",
    "医 医",
];

fn text(g: &mut Gen) -> String {
    (0..1 + g.below(4)).map(|_| *g.pick(PIECES)).collect::<Vec<_>>().join(if g.chance(30) { " " } else { "" })
}

/// A few points, shared by several partners: ties in distance.
const POINTS: &[(f64, f64)] = &[(23.12, 113.24), (23.05, 113.15), (23.12, 113.24), (23.2, 113.3), (23.0, 113.1)];

/// Generates `partners` partners at `points` and `benefits` benefits.
async fn generate(app: &TestApp, g: &mut Gen, points: &[(f64, f64)], partners: usize, benefits: usize) {
    let reference = app.reference().await;
    let now = app.state.clock.now();
    let day = app.state.clock.today();
    let count = partners;
    let mut partners = Vec::new();
    for i in 0..count {
        let (lat, lon) = *g.pick(points);
        let district = *g.pick(&["liwan", "nanhai"]);
        let input = PartnerInput {
            name: zh(&format!("{}{i}", text(g))),
            kind: PartnerKind::Merchant,
            district: DistrictCode::parse(district).unwrap(),
            address: LocalizedText::new(&text(g), None, g.chance(50).then(|| text(g)).as_deref()),
            location: GeoPoint::new(lat, lon).unwrap(),
            phone: None,
        };
        let status = if g.chance(80) { PartnerStatus::Approved } else { PartnerStatus::Pending };
        partners.push(create_partner(&app.state.db, &reference, &input, status, now).await.unwrap());
    }
    let categories: Vec<&str> = reference.categories.iter().map(|c| c.code.as_str()).collect();
    // A few publication times: ties in `newest`.
    let times: Vec<DateTime<Utc>> = (0..6).map(|i| now - Duration::hours(i)).collect();
    for _ in 0..benefits {
        let mut input = benefit_input(LocalizedText::new(&text(g), None, g.chance(60).then(|| text(g)).as_deref()));
        input.summary = zh(&text(g));
        let category = *g.pick(&categories);
        input.category = CategoryCode::parse(category).unwrap();
        input.eligibility = match g.below(4) {
            0 => vec![rule("youyue_foshan", "A")],
            1 => vec![rule("liwan_talent", "B"), rule("youyue_foshan", "T")],
            2 => vec![rule("liwan_talent", "C")],
            _ => vec![rule("youyue_foshan", "C")],
        };
        let from = day + Duration::days(g.below(15) as i64 - 10);
        let until = (day + Duration::days(g.below(45) as i64 - 3)).max(from);
        input.validity.from = linan_tests::linan_backend::calendar::from_naive(from);
        input.validity.until = linan_tests::linan_backend::calendar::from_naive(until);
        let status = if g.chance(85) { BenefitStatus::Published } else { BenefitStatus::Draft };
        let partner = *g.pick(&partners);
        create_benefit(&app.state.db, &reference, partner, &input, status, Some(*g.pick(&times)), now).await.unwrap();
    }
    app.refresh().await;
}

/// Where the generated queries search from, and their radii.
struct Around<'a> {
    nears: &'a [(f64, f64)],
    radii: &'a [&'a str],
    /// How often (percent) `near` is given.
    near: usize,
    /// How often (percent) a query with `near` is sorted by it for sure.
    nearest: usize,
    /// Partner ids to filter by: 1 to this.
    partners: i64,
}

const AROUND: Around = Around {
    nears: &[(23.12, 113.24), (23.1, 113.2), (23.0, 113.1)],
    radii: &["1", "5", "12.5", "30"],
    near: 40,
    nearest: 0,
    partners: 50,
};

/// A generated query string (it may be one the API refuses).
fn query(g: &mut Gen, partner_ids: &[i64], around: &Around) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut add = |k: &str, v: String| pairs.push((k.to_owned(), v));
    if g.chance(30) {
        add("district", (*g.pick(&["liwan", "nanhai"])).to_owned());
    }
    if g.chance(20) {
        add("category", (*g.pick(&["merchant_offer", "scenic_discount", "medical_green_channel"])).to_owned());
    }
    if g.chance(10) {
        add("partner", g.pick(partner_ids).to_string());
    }
    if g.chance(25) {
        let (scheme, tier) =
            *g.pick(&[("liwan_talent", "A"), ("liwan_talent", "C"), ("youyue_foshan", "T"), ("youyue_foshan", "B")]);
        add("scheme", scheme.to_owned());
        add("tier", tier.to_owned());
    }
    let searched = g.chance(50);
    if searched {
        add("q", (*g.pick(TERMS)).to_owned());
    }
    let near = g.chance(around.near);
    if near {
        let (lat, lon) = *g.pick(around.nears);
        add("near", format!("{lat},{lon}"));
        if g.chance(50) {
            add("radius_km", (*g.pick(around.radii)).to_owned());
        }
    }
    let mut sorts = vec!["newest", "ending_soon"];
    if near {
        sorts.push("nearest");
    }
    if searched {
        sorts.push("relevance");
    }
    if around.nearest > 0 && near && g.chance(around.nearest) {
        add("sort", "nearest".to_owned());
    } else if g.chance(70) {
        add("sort", (*g.pick(&sorts)).to_owned());
    }
    if g.chance(20) {
        add("valid_on", (linan_tests::today() + Duration::days(g.below(20) as i64)).to_string());
    }
    add("limit", (1 + g.below(7)).to_string());
    pairs
}

/// Runs `queries` generated queries (those the API accepts), paging each
/// to the end by SQL and by each model, and checks every page is the same.
async fn compare(app: &TestApp, g: &mut Gen, models: &[&ReadModel], around: &Around<'_>, queries: usize) {
    let reference = app.reference().await;
    let partner_ids: Vec<i64> = (1..=around.partners).collect();
    let (mut done, mut pages) = (0, 0);
    while done < queries {
        let pairs = query(g, &partner_ids, around);
        let Ok(q) = BenefitQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) else { continue };
        done += 1;
        let day = q.valid_on.map_or(app.state.clock.today(), linan_tests::linan_backend::calendar::to_naive);
        let lang = *g.pick(&Lang::ALL);
        let mut q = q;
        loop {
            let by_sql = list_benefits(&app.state.db, &reference, None, &q, lang, day).await.unwrap();
            let by_sql = String::from_utf8(by_sql).unwrap();
            for (i, model) in models.iter().enumerate() {
                let by_model = list_benefits(&app.state.db, &reference, Some(model), &q, lang, day).await.unwrap();
                // Byte for byte: the model writes its items' JSON itself.
                assert_eq!(
                    String::from_utf8(by_model).unwrap(),
                    by_sql,
                    "model {i}, query {pairs:?}, cursor {:?}",
                    q.cursor
                );
            }
            pages += 1;
            let page: BenefitPage = serde_json::from_str(&by_sql).unwrap();
            match page.next_cursor {
                Some(next) => q.cursor = Some(next),
                None => break,
            }
        }
    }
    assert!(pages > done, "{pages} pages over {done} queries");
}

async fn the_read_model_chooses_every_page_exactly_as_sql(app: TestApp) {
    let mut g = Gen(0x5EED_2026_1203);
    generate(&app, &mut g, POINTS, 10, 120).await;
    let model = ReadModel::load(&app.state.db).await.unwrap();
    assert!(model.usable() && model.len() > 100, "{} rows", model.len());
    let walking = ReadModel::load(&app.state.db).await.unwrap().walking_every_search();
    compare(&app, &mut g, &[&model, &walking], &AROUND, 300).await;
}

async fn nearest_pages_walk_the_grid_exactly_as_sql(app: TestApp) {
    let mut g = Gen(0x0047_21D0_2026_1204);
    // A 9 × 9 lattice in steps of 1/32° among the demo's partners, exact in
    // binary: places mirrored about a lattice point tie exactly. The grid's
    // cells (about two places each) are smaller than the lattice.
    let lattice: Vec<(f64, f64)> = (-4..=4)
        .flat_map(|i| (-4..=4).map(move |j| (23.125 + f64::from(i) / 32.0, 113.25 + f64::from(j) / 32.0)))
        .collect();
    generate(&app, &mut g, &lattice, 60, 150).await;
    let model = ReadModel::load(&app.state.db).await.unwrap();
    let walking = ReadModel::load(&app.state.db).await.unwrap().walking_every_search();
    // Radii at lattice distances (1/32°, 1/16°, √2/32° of latitude, in km)
    // and between them; nears on, between and off the lattice, and far off.
    let around = Around {
        nears: &[(23.125, 113.25), (23.15625, 113.1875), (23.2, 113.3), (23.109375, 113.265625), (10.0, 10.0)],
        radii: &["3.47484375", "6.9496875", "4.914171", "2", "15"],
        near: 90,
        nearest: 70,
        partners: 100,
    };
    compare(&app, &mut g, &[&model, &walking], &around, 150).await;
}

async fn a_write_is_listed_at_once_and_the_model_catches_up(app: TestApp) {
    let catalogue = &app.state.catalogue;
    let ready = async {
        for _ in 0..200 {
            if let Some(model) = catalogue.read_model() {
                return model;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the read model was not built within 10 s");
    };
    let before = ready.await;
    let partner = app.add_partner("liwan", "读模型测试", 23.12, 113.24).await;
    let id = app.add_benefit(partner, &benefit_input(zh("读模型新优惠"))).await;
    // The version moved: the old model is not used, and SQL lists the write.
    assert!(catalogue.read_model().is_none_or(|m| m.version() > before.version()));
    let page = app.benefits("q=%E8%AF%BB%E6%A8%A1%E5%9E%8B%E6%96%B0").await;
    assert_eq!(page.items.iter().map(|b| b.id).collect::<Vec<_>>(), vec![id]);
    // The rebuilt model holds it too.
    let mut rebuilt = None;
    for _ in 0..200 {
        if let Some(model) = catalogue.read_model().filter(|m| m.version() > before.version()) {
            rebuilt = Some(model);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let rebuilt = rebuilt.expect("the read model caught up within 10 s");
    assert_eq!(rebuilt.len(), before.len() + 1);
    let page = app.benefits("q=%E8%AF%BB%E6%A8%A1%E5%9E%8B%E6%96%B0&limit=5").await;
    assert_eq!(page.items.iter().map(|b| b.id).collect::<Vec<_>>(), vec![id]);
}
