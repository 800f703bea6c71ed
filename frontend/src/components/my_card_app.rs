//! The root of the "My card" page (`/embed/my-card`), which the widget
//! frames: the stylesheet, theme and language, and [`MyCardView`].
//!
//! The cardholder's session lives here, in the frame's memory only: it
//! survives everything but a reload of the frame.

use std::rc::Rc;

use linan_shared::CardSessionDto;
use yew::prelude::*;

use super::MyCardView;
use crate::api::Prefetched;
use crate::attrs::WidgetConfig;
use crate::hooks::use_reference;
use crate::state::Status;
use crate::{CARD_CSS, DETAIL_CSS, EVENTS_CSS, WIDGET_CSS};

/// Props of [`MyCardApp`].
#[derive(Properties, PartialEq)]
pub struct MyCardAppProps {
    /// Language, theme and the API (our own origin).
    pub config: WidgetConfig,
    /// The event the widget asked to register for (and the request's number).
    #[prop_or_default]
    pub event: Option<(i64, u32)>,
}

/// The page's app.
#[component]
pub fn MyCardApp(props: &MyCardAppProps) -> Html {
    let config = &props.config;
    let reference = use_reference(config, &Prefetched::default());
    let status = use_state_eq(|| Status::Loading);
    let session = use_state_eq(|| None::<Rc<CardSessionDto>>);
    let on_session = {
        let session = session.setter();
        Callback::from(move |s| session.set(s))
    };
    let on_status = {
        let status = status.setter();
        Callback::from(move |s| status.set(s))
    };
    html! {
        <>
            <style>{ WIDGET_CSS }{ DETAIL_CSS }{ CARD_CSS }{ EVENTS_CSS }</style>
            <div class="lw-root lw-card-page" data-theme={config.theme.as_str()} data-state={status.as_str()} lang={config.lang.tag()}>
                <MyCardView config={config.clone()} {reference} session={(*session).clone()} {on_session} {on_status} event={props.event} />
            </div>
        </>
    }
}
