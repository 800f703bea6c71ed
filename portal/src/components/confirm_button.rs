//! A button whose action cannot be undone: pressing it asks, in the page,
//! before anything is sent.

use yew::prelude::*;

use crate::context::use_portal;
use crate::i18n::Key;

/// Props of [`ConfirmButton`].
#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    /// Unique in the page; the question's element id derives from it.
    pub id: AttrValue,
    /// The button, e.g. "Remove".
    pub label: AttrValue,
    /// What is asked before acting.
    pub question: AttrValue,
    /// The confirming button, e.g. "Yes, remove".
    pub confirm: AttrValue,
    /// The action is under way: the button is disabled.
    #[prop_or_default]
    pub busy: bool,
    /// Confirmed.
    pub on_confirm: Callback<()>,
}

/// The danger button, then the question with "yes" and "cancel".
#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let portal = use_portal();
    let asking = use_state(|| false);
    if !*asking {
        let ask = {
            let asking = asking.clone();
            move |_: MouseEvent| asking.set(true)
        };
        return html! { <button type="button" class="danger" onclick={ask} disabled={props.busy}>{ props.label.clone() }</button> };
    }
    let question_id = format!("{}-question", props.id);
    let confirm = {
        let (asking, on_confirm) = (asking.clone(), props.on_confirm.clone());
        move |_: MouseEvent| {
            asking.set(false);
            on_confirm.emit(());
        }
    };
    let cancel = {
        let asking = asking.clone();
        move |_: MouseEvent| asking.set(false)
    };
    html! {
        <div class="confirm" role="group" aria-labelledby={question_id.clone()}>
            <p id={question_id}>{ props.question.clone() }</p>
            <div class="buttons">
                <button type="button" class="danger" onclick={confirm}>{ props.confirm.clone() }</button>
                <button type="button" onclick={cancel}>{ portal.t(Key::Cancel) }</button>
            </div>
        </div>
    }
}
