use linan_shared::{
    DistrictCode, ErrorBody, GeoPoint, InviteDto, InviteRequest, LoginRequest, PartnerInput, PartnerKind, SessionDto,
    SignupRequest,
};
use reqwest::{Method, StatusCode};
use serde::{Serialize, de::DeserializeOwned};

use super::{TestApp, fixtures::zh};

/// The demo accounts' password.
pub const PASSWORD: &str = linan_backend::demo::DEMO_PASSWORD;

/// A bearer session.
#[derive(Debug, Clone)]
pub struct Who {
    /// The bearer token.
    pub token: String,
    /// The session as the server answered it.
    pub session: SessionDto,
}

/// A partner registration in `district` named `name`.
pub fn partner_input(district: &str, name: &str) -> PartnerInput {
    PartnerInput {
        name: zh(name),
        kind: PartnerKind::Merchant,
        district: DistrictCode::parse(district).unwrap_or_else(|e| panic!("{e}")),
        address: zh("测试地址 1 号"),
        location: GeoPoint::new(23.05, 113.15).unwrap_or_else(|e| panic!("{e}")),
        phone: None,
    }
}

impl TestApp {
    /// Sends `method path` with an optional bearer token and JSON body.
    pub async fn send<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        who: Option<&Who>,
        body: Option<&B>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method.clone(), format!("{}{path}", self.address));
        if let Some(who) = who {
            request = request.bearer_auth(&who.token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Sends and expects `status`, returning the JSON body.
    pub async fn call<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        who: Option<&Who>,
        body: Option<&B>,
        status: StatusCode,
    ) -> T {
        let response = self.send(method.clone(), path, who, body).await;
        let got = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(got, status, "{method} {path}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: {e}: {text}"))
    }

    /// Sends and expects an error with `status` and `code`.
    pub async fn refused<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        who: Option<&Who>,
        body: Option<&B>,
        status: StatusCode,
        code: &str,
    ) -> ErrorBody {
        let body: ErrorBody = self.call(method.clone(), path, who, body, status).await;
        assert_eq!(body.error.code, code, "{method} {path}: {}", body.error.message);
        body
    }

    /// Signs in with a bearer token.
    pub async fn login(&self, email: &str, password: &str) -> Who {
        let request = LoginRequest { email: email.into(), password: password.into(), bearer: true };
        let session: SessionDto =
            self.call(Method::POST, "/api/v1/auth/login", None, Some(&request), StatusCode::OK).await;
        Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
    }

    /// `n` sign-ins as `email` with a wrong password, each answered 401.
    pub async fn wrong_logins(&self, email: &str, n: u32) {
        let wrong = LoginRequest { email: email.into(), password: "a guess at it".into(), bearer: true };
        for _ in 0..n {
            let path = "/api/v1/auth/login";
            self.refused(Method::POST, path, None, Some(&wrong), StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        }
    }

    /// Signs in as a demo account.
    pub async fn demo(&self, email: &str) -> Who {
        self.login(email, PASSWORD).await
    }

    /// The owner invites `email` to their partner.
    pub async fn invite(&self, owner: &Who, email: &str) -> InviteDto {
        let request = InviteRequest { email: email.into() };
        self.call(Method::POST, "/api/v1/merchant/staff/invites", Some(owner), Some(&request), StatusCode::CREATED)
            .await
    }

    /// The owner invites `email`, who signs up with the code: a staff account of the owner's partner.
    pub async fn join_staff(&self, owner: &Who, email: &str) -> Who {
        let code = self.invite(owner, email).await.code;
        let request = SignupRequest {
            email: email.into(),
            password: PASSWORD.into(),
            partner: None,
            invite: Some(code),
            bearer: true,
        };
        let session: SessionDto =
            self.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
        Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
    }

    /// Signs a new merchant up with a partner in `district`.
    pub async fn sign_up(&self, email: &str, district: &str, name: &str) -> Who {
        let request = SignupRequest {
            email: email.into(),
            password: PASSWORD.into(),
            partner: Some(partner_input(district, name)),
            invite: None,
            bearer: true,
        };
        let session: SessionDto =
            self.call(Method::POST, "/api/v1/auth/signup", None, Some(&request), StatusCode::CREATED).await;
        Who { token: session.token.clone().unwrap_or_else(|| panic!("no token")), session }
    }
}
