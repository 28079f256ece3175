//! The HTTP API, answered in-process (no socket): every route, its errors,
//! its limits and its headers, over a small store on disk opened read-only.
#![allow(clippy::unwrap_used)]

#[path = "../../report/tests/common/mod.rs"]
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use sitrep_serve::{AppState, IngestReport, Ingestor, Pool, ServeConfig, Token};
use sitrep_store::{EventStore, SqliteStore};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789";

/// Records what it was given; sleeps when asked to, to trip the timeout.
#[derive(Default)]
struct FakeIngestor {
    seen: Mutex<Vec<String>>,
    delay: Duration,
}

impl Ingestor for FakeIngestor {
    fn ingest(&self, jsonl: &[u8]) -> Result<IngestReport, String> {
        std::thread::sleep(self.delay);
        let text = String::from_utf8(jsonl.to_vec()).unwrap();
        let n = text.lines().count();
        self.seen.lock().unwrap().push(text);
        Ok(IngestReport { documents: n, inserted: n, ..IngestReport::default() })
    }
}

struct Server {
    app: Router,
    _dir: tempfile::TempDir,
    ingestor: Arc<FakeIngestor>,
}

fn server(token: Option<&str>, config: ServeConfig, delay: Duration) -> Server {
    server_with(token, config, delay, |_| {})
}

/// [`server`], with `prepare` run on the store once the fixture is in it.
fn server_with(
    token: Option<&str>,
    config: ServeConfig,
    delay: Duration,
    prepare: impl FnOnce(&mut SqliteStore),
) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let memory = common::store();
    let doc = memory.document(&sitrep_model::DocId::new("review-1")).unwrap().unwrap();
    let events: Vec<_> = memory.events(&sitrep_store::EventFilter::default()).unwrap();
    let events: Vec<_> = events.iter().map(|r| rebuild(&doc, r)).collect();
    store.put_document(&doc, &sitrep_store::ContentHash::of(doc.text.as_bytes()), &events).unwrap();
    prepare(&mut store);
    let open: sitrep_serve::OpenStore = Box::new(move || Ok(Box::new(SqliteStore::open_read_only(&path)?)));
    let ingestor = Arc::new(FakeIngestor { delay, ..FakeIngestor::default() });
    let config = ServeConfig { token: token.and_then(Token::new), ..config };
    let state = AppState {
        pool: Arc::new(Pool::new(open, 2).unwrap()),
        config: Arc::new(config),
        ingestor: Some(ingestor.clone() as Arc<dyn Ingestor>),
    };
    Server { app: sitrep_serve::api::router(state), _dir: dir, ingestor }
}

/// The fixture's events again (the in-memory store cannot be shared).
fn rebuild(doc: &sitrep_model::Doc, r: &sitrep_model::record::EventRecord) -> sitrep_model::Event {
    let sentence = doc.sentences.iter().position(|s| s.span.start == r.evidence.start).unwrap();
    let kind = sitrep_model::SubEventType::parse(&r.sub_event_type).unwrap();
    let mut e = common::E::new(sentence, kind);
    e.date = Some(if r.date.as_deref() == Some("2016-01-19") { "2016-01-19" } else { "2016-01-20" });
    e.modality = serde_json::from_value(Value::String(r.modality.clone())).unwrap();
    e.fatalities = r.fatalities;
    if let Some(l) = &r.location {
        let place = common::place(&l.name, l.admin1.as_deref(), l.country.as_deref().unwrap(), l.lat, l.lon);
        let precision =
            [sitrep_model::Precision::Exact, sitrep_model::Precision::Near, sitrep_model::Precision::Region]
                [usize::from(l.precision) - 1];
        e.at = Some((place, precision));
    }
    e.actor1 = r.actor1.as_ref().map(|a| common::actor(&a.name, &a.code, a.country.as_deref()));
    e.build(doc)
}

fn default_server() -> Server {
    server(None, ServeConfig::default(), Duration::ZERO)
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let res = app.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    (parts.status, parts.headers, body.collect().await.unwrap().to_bytes().to_vec())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn json(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, _, body) = get(app, uri).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn health_counts_the_store() {
    let s = default_server();
    let (status, v) = json(&s.app, "/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((v["documents"].as_u64(), v["events"].as_u64(), v["ingest"].as_bool()), (Some(1), Some(8), Some(false)));
}

#[tokio::test]
async fn event_pages_follow_their_cursor_to_the_end() {
    let s = default_server();
    let (_, all) = json(&s.app, "/api/events?limit=1000").await;
    let want: Vec<&str> = all["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    let (mut got, mut uri) = (Vec::new(), "/api/events?limit=3".to_owned());
    loop {
        let (status, page) = json(&s.app, &uri).await;
        assert_eq!(status, StatusCode::OK);
        got.extend(page["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_owned()));
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/events?limit=3&after={next}"),
            None => break,
        }
    }
    assert_eq!(got, want);
    assert_eq!(want.len(), 8);
}

#[tokio::test]
async fn filters_select_events() {
    let s = default_server();
    let cases = [
        ("/api/events?since=2016-01-20&until=2016-01-20", 7),
        ("/api/events?type=Battles&type=Strategic+developments", 2),
        ("/api/events?modality=negated", 1),
        ("/api/events?admin1=hama", 2),
        ("/api/events?text=script", 1),
        ("/api/events?country=Syria&actor=army", 3),
        ("/api/events?near=34.73,36.71,1", 2),
        ("/api/events?doc=review-1&limit=2", 2),
    ];
    for (uri, n) in cases {
        let (status, v) = json(&s.app, uri).await;
        assert_eq!((status, v["events"].as_array().map(Vec::len)), (StatusCode::OK, Some(n)), "{uri}");
    }
}

/// Every country the OpenAPI description lists is one the filter takes.
#[tokio::test]
async fn every_listed_country_is_taken() {
    let s = default_server();
    let spec: Value = serde_json::from_str(include_str!("../src/openapi.json")).unwrap();
    let names = spec["components"]["schemas"]["Country"]["enum"].as_array().unwrap();
    assert!(names.len() > 700, "codes and names: {}", names.len());
    for name in names {
        let name = name.as_str().unwrap();
        let uri = format!("/api/counts?by=country&country={}", name.replace(' ', "+").replace('&', "%26"));
        let (status, v) = json(&s.app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{name}: {v}");
    }
}

#[tokio::test]
async fn bad_requests_are_named() {
    let s = default_server();
    let cases = [
        ("/api/events?sinse=2016-01-01", StatusCode::BAD_REQUEST, "sinse"),
        ("/api/events?limit=100000", StatusCode::BAD_REQUEST, "at most"),
        ("/api/events?type=Airstrike", StatusCode::BAD_REQUEST, "Airstrike"),
        ("/api/events?after=nope", StatusCode::BAD_REQUEST, "cursor"),
        ("/api/events?after=0123456789abcdef", StatusCode::NOT_FOUND, "cursor"),
        ("/api/counts?by=week", StatusCode::BAD_REQUEST, "week"),
        ("/api/events/nope", StatusCode::NOT_FOUND, "nope"),
        ("/api/documents/nope", StatusCode::NOT_FOUND, "nope"),
        ("/api/report", StatusCode::BAD_REQUEST, "date"),
        ("/nowhere", StatusCode::NOT_FOUND, "openapi"),
    ];
    for (uri, want, named) in cases {
        let (status, v) = json(&s.app, uri).await;
        assert_eq!(status, want, "{uri}");
        assert!(v["error"].as_str().unwrap().contains(named), "{uri}: {v}");
    }
}

#[tokio::test]
async fn one_event_comes_with_its_paragraph_and_sources() {
    let s = default_server();
    let (_, page) = json(&s.app, "/api/events?admin1=Hama&text=depot").await;
    let id = page["events"][0]["event_id"].as_str().unwrap().to_owned();
    let (status, d) = json(&s.app, &format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let c = &d["context"];
    assert_eq!(c["evidence"], d["event"]["evidence"]["text"]);
    assert_eq!(c["before"], format!("{} ", common::SENTENCES[0]), "the paragraph holds the sentence before");
    assert_eq!(c["after"], "");
    assert_eq!(d["sources"][0]["outlet"], "Test Front");
    let (_, d) =
        json(&s.app, &format!("/api/events/{}", first_of(&s, "/api/events?admin1=Homs&modality=asserted").await)).await;
    assert_eq!(d["same_sentence"].as_array().unwrap().len(), 1, "the Hama event of the same sentence");
    assert_eq!(d["other_reports"].as_array().unwrap().len(), 0);
}

async fn first_of(s: &Server, uri: &str) -> String {
    json(&s.app, uri).await.1["events"][0]["event_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn geojson_csv_and_counts_answer_in_their_formats() {
    let s = default_server();
    let (status, h, body) = get(&s.app, "/api/events.geojson?limit=2").await;
    assert_eq!((status, h[header::CONTENT_TYPE].to_str().unwrap()), (StatusCode::OK, "application/geo+json"));
    assert!(h.contains_key("x-next-cursor"));
    let fc: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(fc["features"].as_array().unwrap().len(), 2);
    let (status, h, body) = get(&s.app, "/api/events.csv?country=SY").await;
    assert_eq!((status, h[header::CONTENT_TYPE].to_str().unwrap()), (StatusCode::OK, "text/csv; charset=utf-8"));
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with("event_id_cnty,event_date,year,"));
    assert_eq!(text.lines().count(), 1 + 6);
    let (_, v) = json(&s.app, "/api/counts?by=day").await;
    assert_eq!(
        v["counts"][1],
        serde_json::json!({"key": "2016-01-20", "country": null, "events": 7, "fatalities": null})
    );
    let (_, v) = json(&s.app, "/api/counts?by=day&fatalities=true").await;
    assert_eq!(
        v["counts"],
        serde_json::json!([
            {"key": "2016-01-19", "country": null, "events": 1, "fatalities": 0},
            {"key": "2016-01-20", "country": null, "events": 7, "fatalities": 3},
        ])
    );
    let (_, v) = json(&s.app, "/api/actors?q=army").await;
    assert_eq!(v["actors"][0]["mentions"], 3);
    let (_, v) = json(&s.app, "/api/documents").await;
    assert_eq!((v["documents"][0]["events"].as_u64(), v["next"].is_null()), (Some(8), true));
    // A page of none (schemathesis found it panicking the handler) is empty.
    let (status, v) = json(&s.app, "/api/documents?limit=0").await;
    assert_eq!((status, v["documents"].as_array().map(Vec::len), v["next"].is_null()), (StatusCode::OK, Some(0), true));
    let (_, v) = json(&s.app, "/api/documents/review-1").await;
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn the_report_is_escaped_and_script_free() {
    let s = default_server();
    let (status, h, body) = get(&s.app, "/api/report?date=2016-01-20").await;
    assert_eq!(status, StatusCode::OK);
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("default-src 'none'") && !csp.contains("script-src"), "{csp}");
    let page = String::from_utf8(body).unwrap();
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script"));
    assert!(page.contains("href=\"/#event/"), "evidence links open the page");
    let (_, v) = json(&s.app, "/api/report?date=2016-01-20&format=json").await;
    assert_eq!(v["totals"]["events"], 5);
}

#[tokio::test]
async fn every_answer_keeps_the_page_to_its_origin() {
    let s = default_server();
    for uri in ["/", "/assets/app.js", "/api/events", "/basemap/admin1.json", "/nowhere"] {
        let (_, h, _) = get(&s.app, uri).await;
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"), "{uri}: {csp}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
    }
    let (status, h, body) = get(&s.app, "/assets/vendor/leaflet.js").await;
    assert_eq!((status, h[header::CONTENT_TYPE].to_str().unwrap()), (StatusCode::OK, "text/javascript; charset=utf-8"));
    assert!(body.len() > 100_000);
    let (_, _, page) = get(&s.app, "/").await;
    let page = String::from_utf8(page).unwrap();
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("//cdn"),
        "no other host in the page"
    );
}

#[tokio::test]
async fn the_openapi_description_covers_every_route() {
    let s = default_server();
    let (status, doc) = json(&s.app, "/api/openapi.json").await;
    assert_eq!((status, doc["openapi"].as_str()), (StatusCode::OK, Some("3.1.0")));
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    for route in [
        "/health",
        "/api/events",
        "/api/events.geojson",
        "/api/events.csv",
        "/api/events/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/actors",
        "/api/counts",
        "/api/report",
        "/api/openapi.json",
        "/api/ingest",
    ] {
        assert!(paths.iter().any(|p| *p == route), "{route} is described");
    }
    for path in paths.iter().filter(|p| !p.contains('{') && p.as_str() != "/api/ingest" && p.as_str() != "/api/report")
    {
        let (status, _, _) = get(&s.app, path).await;
        assert_eq!(status, StatusCode::OK, "{path} answers");
    }
}

fn post(body: &str, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post("/api/ingest").header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body.to_owned())).unwrap()
}

#[tokio::test]
async fn ingest_needs_a_token_server_and_the_token() {
    let doc = r#"{"id": "new", "text": "Rebels shelled the town."}"#;
    let read_only = default_server();
    assert_eq!(send(&read_only.app, post(doc, Some(TOKEN))).await.0, StatusCode::FORBIDDEN);
    let s = server(Some(TOKEN), ServeConfig::default(), Duration::ZERO);
    let (status, h, _) = send(&s.app, post(doc, None)).await;
    assert_eq!((status, h[header::WWW_AUTHENTICATE].to_str().unwrap()), (StatusCode::UNAUTHORIZED, "Bearer"));
    assert_eq!(send(&s.app, post(doc, Some("wrong-token-0123456789"))).await.0, StatusCode::UNAUTHORIZED);
    assert!(s.ingestor.seen.lock().unwrap().is_empty(), "nothing reached the pipeline");
    let (status, _, body) = send(&s.app, post(&format!("[{doc}, {doc}]"), Some(TOKEN))).await;
    let report: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!((status, report["inserted"].as_u64()), (StatusCode::CREATED, Some(2)));
    assert_eq!(send(&s.app, post("[1]", Some(TOKEN))).await.0, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&s.app, "/api/ingest").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn bodies_are_limited_and_slow_requests_time_out() {
    let config = ServeConfig { max_ingest_bytes: 1_000, timeout: Duration::from_millis(300), ..ServeConfig::default() };
    let s = server(Some(TOKEN), config.clone(), Duration::ZERO);
    let big = format!(r#"{{"id": "big", "text": "{}"}}"#, "x".repeat(2_000));
    assert_eq!(send(&s.app, post(&big, Some(TOKEN))).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // Work that outlasts the timeout is finished and answered: a 408 would
    // tell the client that documents it can later read were not stored.
    let slow = server(Some(TOKEN), config.clone(), Duration::from_millis(1_500));
    let (status, _, body) = send(&slow.app, post(r#"{"id": "a", "text": "b"}"#, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));
    assert_eq!(slow.ingestor.seen.lock().unwrap().len(), 1);
    // A body that does not arrive in time is refused and nothing is stored.
    let dribble = server(Some(TOKEN), config, Duration::ZERO);
    let (mut tx, body) = http_body_util::channel::Channel::<Bytes>::new(1);
    let request = Request::post("/api/ingest")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::new(body))
        .unwrap();
    let sender = tokio::spawn(async move {
        tx.send_data(Bytes::from_static(b"{\"id\": \"a\", ")).await.unwrap();
        tokio::time::sleep(Duration::from_millis(1_500)).await;
        let _ = tx.send_data(Bytes::from_static(b"\"text\": \"b\"}")).await;
    });
    let (status, _, _) = send(&dribble.app, request).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
    assert!(dribble.ingestor.seen.lock().unwrap().is_empty(), "nothing stored from a body cut short");
    sender.abort();
}

#[tokio::test]
async fn an_event_lists_the_other_reports_of_its_merge_group_and_merged_lists_it_once() {
    let all = {
        let s = default_server();
        let (_, page) = json(&s.app, "/api/events?limit=1000").await;
        page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let (a, b) = (all[0].clone(), all[1].clone());
    let pairs = vec![(a.clone(), a.clone()), (b.clone(), a.clone())];
    let s = server_with(None, ServeConfig::default(), Duration::ZERO, move |store| {
        sitrep_store::MergeStore::set_representatives(store, &pairs).unwrap();
    });
    let (_, d) = json(&s.app, &format!("/api/events/{b}")).await;
    let others: Vec<&str> =
        d["other_reports"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    assert_eq!(others, vec![a.as_str()], "the representative is the other report");
    let (_, merged) = json(&s.app, "/api/events?limit=1000&merged=true").await;
    let listed: Vec<&str> =
        merged["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    assert_eq!(listed.len(), all.len() - 1);
    assert!(listed.contains(&a.as_str()) && !listed.contains(&b.as_str()));
    let (status, v) = json(&s.app, "/api/events?merged=maybe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
}
