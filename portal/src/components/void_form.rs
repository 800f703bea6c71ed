//! Voiding a redemption: a button that opens, in the page, a reason field
//! with "Void it" and "Cancel".

use linan_shared::RedemptionDto;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{FormAlert, TextArea};
use crate::api::counter;
use crate::context::use_portal;
use crate::counter::error_summary;
use crate::dom::focus;
use crate::draft::FormError;
use crate::i18n::Key;

/// Props of [`VoidForm`].
#[derive(Properties, PartialEq)]
pub struct VoidFormProps {
    /// Unique prefix of the element ids (the same redemption may be shown twice).
    pub prefix: AttrValue,
    /// The redemption.
    pub id: i64,
    /// It was voided: the redemption as it is now.
    pub on_voided: Callback<RedemptionDto>,
}

/// Asks for the reason (required) before sending; the API's refusal (too
/// late, voided already) is shown above the field.
#[component]
pub fn VoidForm(props: &VoidFormProps) -> Html {
    let portal = use_portal();
    let open = use_state(|| false);
    let reason = use_state(String::new);
    let error = use_state(|| None::<FormError>);
    let busy = use_state(|| false);
    let reason_id = AttrValue::from(format!("{}-void-{}-reason", props.prefix, props.id));
    {
        let reason_id = reason_id.clone();
        use_effect_with(*open, move |open| {
            if *open {
                focus(&format!("#{reason_id}"));
            }
        });
    }
    if !*open {
        let open = open.clone();
        return html! {
            <div class="buttons">
                <button type="button" class="danger" onclick={move |_| open.set(true)}>{ portal.t(Key::VoidButton) }</button>
            </div>
        };
    }
    let confirm = {
        let (api, lang, id, on_voided) = (portal.api.clone(), portal.lang, props.id, props.on_voided.clone());
        let (reason, error, busy, reason_id) = (reason.clone(), error.clone(), busy.clone(), reason_id.clone());
        Callback::from(move |_: MouseEvent| {
            let text = reason.trim().to_owned();
            if text.is_empty() {
                error.set(Some(FormError::local(&reason_id, Key::HintVoidReason)));
                focus(&format!("#{reason_id}"));
                return;
            }
            let (api, on_voided, error, busy) = (api.clone(), on_voided.clone(), error.clone(), busy.clone());
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = counter::void(&api, lang, id, &text).await;
                busy.set(false);
                match result {
                    Ok(voided) => on_voided.emit(voided),
                    Err(e) => error.set(Some(FormError { summary: error_summary(&e), ..FormError::from_client(&e) })),
                }
            });
        })
    };
    let field_error = (*error).clone().filter(|e| e.is_for(&reason_id) || e.is_for("reason"));
    let summary = (*error).clone().filter(|e| e.hint.is_none());
    let cancel = {
        let (open, error) = (open.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            open.set(false);
        })
    };
    html! {
        <div class="confirm void-form" role="group" aria-label={portal.t(Key::VoidButton)}>
            if let Some(e) = summary {
                <FormAlert error={e} />
            }
            <TextArea id={reason_id.clone()} label={portal.t(Key::VoidReason)} value={AttrValue::from((*reason).clone())}
                on_input={Callback::from(move |v| reason.set(v))} required=true error={field_error} rows={2} />
            <div class="buttons">
                <button type="button" class="danger" onclick={confirm} disabled={*busy}>
                    { portal.t(if *busy { Key::Busy } else { Key::VoidConfirm }) }
                </button>
                <button type="button" onclick={cancel}>{ portal.t(Key::Cancel) }</button>
            </div>
        </div>
    }
}
