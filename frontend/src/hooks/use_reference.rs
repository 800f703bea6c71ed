//! The reference lists: districts, categories, card schemes with the
//! recognition table. Loaded once per API base; each list carries every
//! language, so a language change needs no new request.

use std::rc::Rc;

use linan_shared::{CardSchemesDto, CategoryDto, DistrictDto};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{Prefetched, finish, request};
use crate::attrs::WidgetConfig;

/// The reference lists, once they have arrived.
///
/// A list that failed stays empty: the catalogue still works without it
/// (the chips and the district menu then offer only "all", eligibility is
/// shown by code), so it is not worth an error state of its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    /// Districts, in the API's order.
    pub districts: Rc<Vec<DistrictDto>>,
    /// Categories, in the API's order.
    pub categories: Rc<Vec<CategoryDto>>,
    /// Card schemes and the recognition table.
    pub schemes: Option<Rc<CardSchemesDto>>,
}

/// Loads the reference lists from the API at `config.api` (or takes the
/// answers the loader started).
#[hook]
pub fn use_reference(config: &WidgetConfig, prefetched: &Prefetched) -> Reference {
    let reference = use_state(Reference::default);
    {
        let (set, config, prefetched) = (reference.setter(), config.clone(), prefetched.clone());
        use_effect_with(config.api.clone(), move |_| {
            // All three requests start now and run in parallel; one task (and
            // one state update) keeps the wasm smaller than three.
            let districts = request(&prefetched, &config.endpoint("districts"));
            let categories = request(&prefetched, &config.endpoint("categories"));
            let schemes = request(&prefetched, &config.endpoint("card-schemes"));
            spawn_local(async move {
                let districts = finish::<Vec<DistrictDto>>(districts).await.unwrap_or_default();
                let categories = finish::<Vec<CategoryDto>>(categories).await.unwrap_or_default();
                let schemes = finish::<CardSchemesDto>(schemes).await.ok();
                set.set(Reference {
                    districts: Rc::new(districts),
                    categories: Rc::new(categories),
                    schemes: schemes.map(Rc::new),
                });
            });
        });
    }
    (*reference).clone()
}
