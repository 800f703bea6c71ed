//! `#/counter`: check a cardholder's code or card, see what it gets here
//! and why, redeem (once per press, with an idempotency key), void, and the
//! latest redemptions.

use std::rc::Rc;

use linan_shared::{CardProof, Lang, RedemptionDto, RedemptionRequest};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{CardFacts, CounterOffer, ProofForm, RecentRedemptions, RedemptionItem};
use crate::api::{ClientError, counter};
use crate::context::use_portal;
use crate::counter::{Attempt, Desk, Step, error_summary};
use crate::dom::{focus, random_key};
use crate::draft::FormError;
use crate::i18n::Key;

/// The form, the card checked with its offers, the last redemption, and the recent list.
#[component]
pub fn CounterPage() -> Html {
    let portal = use_portal();
    let desk = use_reducer(Desk::default);
    // Asks again what the card on the desk gets (after a redemption, a void or a
    // language change). Answers can cross: only the latest question's is kept.
    let refresh = {
        let (api, dispatch, latest) = (portal.api.clone(), desk.dispatcher(), use_mut_ref(|| 0_u64));
        Callback::from(move |(lang, proof): (Lang, CardProof)| {
            let ticket = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            let (api, dispatch, latest) = (api.clone(), dispatch.clone(), Rc::clone(&latest));
            spawn_local(async move {
                if let Ok(benefits) = counter::verify(&api, lang, &proof).await
                    && *latest.borrow() == ticket
                {
                    dispatch.dispatch(Step::Refreshed(proof, benefits));
                }
            });
        })
    };
    // After a check, focus moves to the card's heading, where the offers follow.
    use_effect_with(desk.checks, |checks| {
        if *checks > 0 {
            focus("#counter-card-title");
        }
    });
    // The offers' texts come in the language asked: ask again when it changes
    // (checking does not spend a code; a spent one cannot be asked again).
    {
        let (refresh, desk, first) = (refresh.clone(), desk.clone(), use_mut_ref(|| true));
        use_effect_with(portal.lang, move |lang| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(checked)) = (first, desk.checked.as_ref().filter(|c| c.can_redeem())) {
                refresh.emit((*lang, checked.proof.clone()));
            }
        });
    }
    let on_check = {
        let (api, lang, dispatch) = (portal.api.clone(), portal.lang, desk.dispatcher());
        Callback::from(move |proof: CardProof| {
            let (api, dispatch) = (api.clone(), dispatch.clone());
            dispatch.dispatch(Step::CheckStart);
            spawn_local(async move {
                match counter::verify(&api, lang, &proof).await {
                    Ok(benefits) => dispatch.dispatch(Step::Checked(proof, benefits)),
                    Err(e) => dispatch.dispatch(Step::CheckFailed(e)),
                }
            });
        })
    };
    let on_redeem = {
        let (api, lang, announce, desk) = (portal.api.clone(), portal.lang, portal.announce.clone(), desk.clone());
        let refresh = refresh.clone();
        Callback::from(move |benefit_id: i64| {
            let Some(checked) = desk.checked.clone() else { return };
            if desk.in_flight.is_some() || !checked.can_redeem() {
                return;
            }
            let key = desk.key_for(benefit_id).unwrap_or_else(random_key);
            let (api, announce, dispatch, refresh) =
                (api.clone(), announce.clone(), desk.dispatcher(), refresh.clone());
            dispatch.dispatch(Step::RedeemStart(Attempt { benefit_id, key: key.clone() }));
            spawn_local(async move {
                let request = RedemptionRequest { benefit_id, proof: checked.proof.clone() };
                let (answered, redeemed) = match counter::redeem(&api, lang, &key, &request).await {
                    Ok(redemption) => {
                        dispatch.dispatch(Step::Redeemed(redemption));
                        announce.emit(Key::DoneRedeemed);
                        (true, true)
                    }
                    Err(e) => {
                        let answered = matches!(e, ClientError::Api { .. });
                        dispatch.dispatch(Step::RedeemFailed(e));
                        (answered, false)
                    }
                };
                // Quotas and stock changed, or the refusal is news: show the list as
                // it is now — unless the redemption spent the code it was checked with.
                let code_spent = redeemed && checked.proof.code.is_some();
                if answered && !code_spent {
                    refresh.emit((lang, checked.proof.clone()));
                }
            });
        })
    };
    let on_voided = {
        let (lang, announce, desk) = (portal.lang, portal.announce.clone(), desk.clone());
        Callback::from(move |redemption: RedemptionDto| {
            desk.dispatch(Step::Voided(redemption));
            announce.emit(Key::DoneVoided);
            // A void gives the use (and the place) back: show the card's list as it is now.
            if let Some(checked) = desk.checked.as_ref().filter(|c| c.can_redeem()) {
                refresh.emit((lang, checked.proof.clone()));
            }
        })
    };
    let card = desk.checked.as_ref().map(|checked| {
        let items = &checked.benefits.items;
        let in_flight = desk.in_flight.as_ref().map(|a| a.benefit_id);
        let error_of = |id: i64| {
            desk.redeem_error
                .as_ref()
                .filter(|(of, _)| *of == id)
                .map(|(_, e)| FormError { summary: error_summary(e), ..FormError::from_client(e) })
        };
        html! {
            <section class="card counter-card" aria-labelledby="counter-card-title">
                <CardFacts card={checked.benefits.card.clone()} />
                if checked.code_spent {
                    <p class="note">{ portal.t(Key::CodeSpent) }</p>
                }
                <h3>{ portal.t(Key::CounterOffersTitle) }</h3>
                if items.is_empty() {
                    <p class="empty">{ portal.t(Key::CounterOffersEmpty) }</p>
                }
                <ul class="list">
                    { for items.iter().map(|item| html! {
                        <CounterOffer key={item.benefit.id} item={Rc::new(item.clone())} can_redeem={checked.can_redeem()}
                            sending={in_flight == Some(item.benefit.id)} busy={in_flight.is_some()}
                            error={error_of(item.benefit.id)} on_redeem={on_redeem.clone()} />
                    }) }
                </ul>
            </section>
        }
    });
    html! {
        <>
            <h1>{ portal.t(Key::CounterTitle) }</h1>
            <p class="muted">{ portal.t(Key::CounterIntro) }</p>
            <ProofForm key={desk.checks} busy={desk.checking} error={desk.check_error.clone()} {on_check} />
            { card }
            if let Some(done) = &desk.done {
                <section class="card done" aria-labelledby="done-title">
                    <h2 id="done-title">{ portal.t(Key::RedeemedTitle) }</h2>
                    <RedemptionItem prefix="done" redemption={done.clone()} on_voided={on_voided.clone()} />
                </section>
            }
            <RecentRedemptions changes={desk.changes} {on_voided} />
        </>
    }
}
