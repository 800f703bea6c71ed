//! Building and running the application: the router with its middleware,
//! and [`Application`], which connects, migrates, seeds, binds and serves.

use std::{
    future::{Future, IntoFuture},
    net::SocketAddr,
    sync::Arc,
    time::Duration,
};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderValue, Method, Request, StatusCode, header},
    middleware,
    response::IntoResponse,
};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::{
    LatencyUnit,
    compression::CompressionLayer,
    cors::{AllowOrigin, CorsLayer},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use crate::{
    auth::Throttle,
    catalogue::CatalogueState,
    config::Config,
    db, demo,
    error::{json_timeout, route_not_found},
    http::{
        metrics::{Metrics, track},
        request_id::{ClientRequestId, X_REQUEST_ID, take_client_id},
    },
    routes,
    state::{AppState, Shared},
};

/// Largest request body accepted (the public API takes none; write routes
/// take small JSON documents; the card import sets its own limit).
const BODY_LIMIT_BYTES: usize = 1024 * 1024;

/// The full router with its middleware, ready to serve.
pub fn router(state: AppState) -> Router {
    let x_request_id = X_REQUEST_ID;
    let cors = crate::http::cors::public();
    // The cardholder's calls come from the widget on district sites too, and
    // sign in and out (POST, DELETE) with a bearer token: their own rules.
    // Still no credentials: the token is sent explicitly, never a cookie.
    let cardholder_cors = CorsLayer::new()
        .allow_origin(cardholder_origins(&state))
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::OPTIONS])
        .allow_headers([header::ACCEPT_LANGUAGE, header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([header::CONTENT_LANGUAGE, x_request_id.clone()])
        .max_age(Duration::from_secs(86_400));
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<_>| {
            let id = request
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or("-")
                .to_owned();
            let span = tracing::info_span!(
                "request",
                method = %request.method(),
                uri = %request.uri().path(),
                request_id = %id,
                client_request_id = tracing::field::Empty,
            );
            if let Some(client) = request.extensions().get::<ClientRequestId>() {
                span.record("client_request_id", client.0.as_str());
            }
            span
        })
        // One line per request at INFO (status and latency); RUST_LOG=warn silences it.
        .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(LatencyUnit::Micros));

    // After routing, so the metrics see the matched route template.
    let metrics = middleware::from_fn_with_state(state.clone(), track);
    // Each CORS layer wraps its own routes (an outer one would answer every
    // preflight with its own rules).
    let cardholder = routes::cardholder::router()
        .merge(routes::cardholder_events::router())
        .route_layer(metrics.clone())
        .layer(cardholder_cors);
    let app = Router::new()
        .merge(routes::benefits::router())
        .merge(routes::events::router())
        .merge(routes::event_organisers::router())
        .merge(routes::event_edits::router())
        .merge(routes::event_door::router())
        .merge(routes::partners::router())
        .merge(routes::reference::router())
        .merge(routes::cards::router())
        .merge(routes::auth::router())
        .merge(routes::merchant::router())
        .merge(routes::admin::router())
        .merge(routes::partner_revisions::router())
        .merge(routes::recognition::router())
        .merge(routes::embed_sites::router())
        .merge(routes::counter::router())
        .merge(routes::openapi::router())
        .merge(routes::ops::router(&state.config))
        .merge(routes::widget::router())
        .merge(routes::portal::router())
        .merge(routes::pages::router())
        .route_layer(metrics)
        .fallback(route_not_found)
        .layer(cors)
        .merge(cardholder)
        .with_state(state.clone());
    // Around the whole router once, not through `Router::layer`: that wraps
    // every route in its own boxed copy of the stack, and axum clones a
    // route's service for each request it routes (issue 11: those clones were
    // a fifth of an uncached page's instructions). The first layer is the
    // outermost; the route-specific layers (metrics, each group's CORS) stay
    // inside the router.
    let stack = ServiceBuilder::new()
        .map_response(IntoResponse::into_response)
        // A client's id is set aside first, so the next layer always makes ours.
        .map_request(take_client_id)
        .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
        .layer(trace)
        .layer(PropagateRequestIdLayer::new(x_request_id))
        .layer(CompressionLayer::new())
        .layer(middleware::map_response(json_timeout))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, state.config.request_timeout()))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn(crate::http::nul::refuse_in_uri))
        .layer(middleware::from_fn_with_state(state.clone(), crate::http::own_writes::own_writes))
        .layer(middleware::from_fn_with_state(state.clone(), crate::embed::count::count))
        .service(app);
    // In front of the stack: a cached list page needs neither routing nor the layers above.
    Router::new().fallback_service(crate::http::front::Front::new(state, stack))
}

/// Who may call the cardholder API from a page: in production, the active
/// registered embed origins only (read from the replica's registry snapshot
/// on each request); in demo mode any origin, as the public catalogue.
fn cardholder_origins(state: &AppState) -> AllowOrigin {
    if !state.config.production {
        return AllowOrigin::any();
    }
    let catalogue = state.catalogue.clone();
    AllowOrigin::predicate(move |origin: &HeaderValue, _| {
        origin.to_str().is_ok_and(|o| catalogue.embed.site_of(o).is_some())
    })
}

/// Why the application could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The configuration must not run (e.g. production without a secret).
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    /// The database could not be reached or migrated.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// The demo data could not be loaded.
    #[error("demo data: {0}")]
    Demo(#[from] demo::DemoError),
    /// The database must not be served with this configuration (demo data
    /// in production mode, or identities of another key).
    #[error("refusing to start: {0}")]
    Unsafe(#[from] crate::install::Unsafe),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
}

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    /// The separate `/metrics` listener (`LINAN_METRICS_BIND`), if any.
    metrics_listener: Option<TcpListener>,
    state: AppState,
}

impl Application {
    /// Checks the configuration (production needs `LINAN_ID_SECRET`),
    /// connects and migrates the database, loads the demo data into an empty
    /// one (unless production mode or `no_demo`), refuses a database it must
    /// not serve (see [`crate::install`]: the demo data in production mode,
    /// identities of another key), reads the catalogue version, and binds
    /// `config.bind` (port 0 picks a free port).
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        config.check()?;
        let key = crate::cards::IdKey::from_config(&config)?;
        let db = db::connect(&config).await?;
        db::migrate(&db).await?;
        if config.loads_demo() && demo::is_empty(&db).await? {
            let loaded = demo::load_with_key(&db, &key, crate::clock::Clock::default().now()).await?;
            tracing::info!(
                partners = loaded.partners,
                benefits = loaded.benefits,
                events = loaded.events,
                cards = loaded.cards,
                "loaded the demo data set"
            );
            crate::statistics::analyze(&db).await?;
        }
        crate::install::check_start(&db, config.production, &key, crate::clock::Clock::default().now()).await?;
        crate::statistics::analyze_if_missing(&db).await?;
        if config.production && config.metrics_token.is_none() && config.metrics_bind.is_none() {
            tracing::warn!("/metrics is not served: set LINAN_METRICS_TOKEN or LINAN_METRICS_BIND to scrape it");
        }
        Self::with_database(config, db).await
    }

    /// Like [`Application::build`] with an already migrated database, and no seeding.
    pub async fn with_database(config: Config, db: DatabaseConnection) -> Result<Self, StartupError> {
        let catalogue = Arc::new(CatalogueState::new(config.response_cache_entries));
        catalogue.refresh(&db).await?;
        let poll = Duration::from_millis(config.version_poll_ms.max(10));
        catalogue.spawn_poller(db.clone(), poll);
        if !config.no_read_model {
            catalogue.spawn_read_model_builder(db.clone(), poll);
        }
        let bind = |addr: SocketAddr| async move {
            TcpListener::bind(addr).await.map_err(|source| StartupError::Bind { addr, source })
        };
        let listener = bind(config.bind).await?;
        let metrics_listener = match config.metrics_bind {
            Some(addr) => Some(bind(addr).await?),
            None => None,
        };
        let embed_counts = Arc::new(crate::embed::Counts::default());
        embed_counts.spawn_flusher(db.clone());
        let passwords = config.passwords();
        let clock = crate::clock::Clock::default();
        let state = AppState::new(Shared {
            db,
            passwords,
            config: Arc::new(config),
            catalogue,
            metrics: Arc::new(Metrics::new()),
            throttle: Throttle::new(clock.clone()),
            embed_counts,
            clock,
        });
        Ok(Application { listener, metrics_listener, state })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or_else(|_| self.state.config.bind)
    }

    /// The address the separate `/metrics` listener bound, if there is one.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener.as_ref().and_then(|l| l.local_addr().ok())
    }

    /// The state handlers will see (tests use it to reach the database).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests
    /// (on both listeners, when `/metrics` has its own).
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let (stop, stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            shutdown.await;
            let _ = stop.send(true);
        });
        let until_stopped = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
            // An error means the sender is gone: stop then too.
            let _ = stopped.wait_for(|s| *s).await;
        };
        let metrics = self.metrics_listener.map(|listener| {
            axum::serve(listener, routes::ops::metrics_listener_router(self.state.clone()))
                .with_graceful_shutdown(until_stopped(stopped.clone()))
        });
        let (db, counts) = (self.state.db.clone(), self.state.embed_counts.clone());
        let app = router(self.state);
        // Connection info gives the throttle each client's address.
        let public = axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(until_stopped(stopped));
        let served = match metrics {
            Some(metrics) => {
                let (public, metrics) = tokio::join!(public.into_future(), metrics.into_future());
                public.and(metrics)
            }
            None => public.await,
        };
        // The last interval's embed figures, so a clean stop loses none.
        if let Err(e) = counts.flush(&db).await {
            tracing::warn!(error = %e, "could not write the embed sites' last figures");
        }
        served
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
