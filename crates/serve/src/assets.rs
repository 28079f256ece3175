//! The web page and everything it loads, embedded in the binary: the page
//! (`assets/index.html`, `app.js`, `app.css`), the vendored Leaflet 1.9.4
//! (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT) and topojson-client
//! 3.1.0 (ISC) with their licences, and the Natural Earth basemap from
//! `sitrep-report`. Nothing is fetched at build or run time.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::ApiError;
use crate::AppState;

/// (path under `/assets/`, media type, bytes).
const FILES: &[(&str, &str, &[u8])] = &[
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("vendor/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet.js")),
    ("vendor/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet.css")),
    (
        "vendor/leaflet.markercluster.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster.js"),
    ),
    ("vendor/MarkerCluster.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/MarkerCluster.css")),
    (
        "vendor/topojson-client.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/topojson-client.min.js"),
    ),
    ("vendor/LICENSES.txt", "text/plain; charset=utf-8", include_bytes!("../assets/vendor/LICENSES.txt")),
];

const INDEX: &str = include_str!("../assets/index.html");

/// The page's routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(index)).route("/assets/{*path}", get(asset)).route("/basemap/{name}", get(basemap))
}

async fn index() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], INDEX).into_response()
}

async fn asset(Path(path): Path<String>) -> Result<Response, ApiError> {
    let (_, media, bytes) =
        FILES.iter().find(|(p, _, _)| *p == path).ok_or_else(|| ApiError::NotFound(format!("no asset {path:?}")))?;
    Ok(([(header::CONTENT_TYPE, *media), (header::CACHE_CONTROL, "public, max-age=3600")], *bytes).into_response())
}

/// `countries-50m.json` (countries and land) and `admin1.json` (provinces).
async fn basemap(Path(name): Path<String>) -> Result<Response, ApiError> {
    let body = match name.as_str() {
        "countries-50m.json" => sitrep_report::basemap::COUNTRIES_50M,
        "admin1.json" => sitrep_report::basemap::ADMIN1,
        _ => return Err(ApiError::NotFound(format!("no basemap {name:?}"))),
    };
    Ok(([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "public, max-age=86400")], body)
        .into_response())
}
