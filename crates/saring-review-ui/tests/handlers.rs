//! The review UI over HTTP on loopback, on SQLite and PostgreSQL: sign-in, CSRF, platform
//! scoping, the regulator's view, escaping, languages, deciding cases and appeals.

#[path = "../../saring-store/tests/common/mod.rs"]
mod common;
mod support;

use common::TestStore;
use saring_core::{CaseState, Priority, Role};
use support::{
    SELLER_ID, SELLER_NAME, SELLER_PHONE, client, csrf_of, get, key, post, seed_case, serve,
    sign_in,
};

on_both_stores!(
    bad_keys_and_platform_keys_cannot_sign_in,
    posts_without_the_csrf_token_are_refused_and_a_reason_is_required,
    reviewers_see_only_the_cases_of_their_platforms,
    the_regulator_page_shows_no_seller_personal_data,
    seller_text_is_escaped_and_matched_words_are_marked,
    both_languages_render_and_the_choice_is_remembered,
    appeals_are_decided_by_another_reviewer_with_a_reason,
    the_queue_is_in_priority_order_and_signing_out_ends_the_session,
    only_http_listing_urls_become_links,
    every_ui_response_carries_a_strict_policy_and_the_usual_headers,
    who_confirmed_over_the_api_cannot_decide_the_appeal_in_the_ui,
);

async fn bad_keys_and_platform_keys_cannot_sign_in(t: TestStore) {
    let platform_key = key(&t.store, Role::Platform, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();

    // Without a session every page sends the browser to sign in.
    let response = browser
        .get(format!("{base}/ui/queue"))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/ui/sign-in");

    let forged = format!("srg_0123456789ab_{}", "f".repeat(64));
    for refused in ["nonsense", forged.as_str(), platform_key.as_str()] {
        let response = sign_in(&browser, &base, refused).await;
        assert_eq!(response.status().as_u16(), 401, "{refused} must be refused");
        let page = response.text().await.expect("body");
        assert!(page.contains("Kunci tidak dikenal"), "{page}");
        let (status, _) = get(&browser, &base, "/ui/queue").await;
        assert_eq!(status, 303, "no session after a refused sign-in");
    }

    // The sign-in form itself needs its one-off token.
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let (status, _) = post(
        &client(),
        &base,
        "/ui/sign-in",
        &[("key", reviewer.as_str())],
    )
    .await;
    assert_eq!(status, 403);
    let response = sign_in(&browser, &base, &reviewer).await;
    assert_eq!(response.status().as_u16(), 303);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("saring_session="))
        .expect("a session cookie")
        .to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(cookie.contains("Path=/ui"));
}

async fn posts_without_the_csrf_token_are_refused_and_a_reason_is_required(t: TestStore) {
    let listing = support::listing("shopee", "L1", "Bal baju bekas impor", "");
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Wholesale).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;
    let decide = format!("/ui/cases/{case_id}/decide");

    let (status, _) = post(
        &browser,
        &base,
        &decide,
        &[("outcome", "confirm"), ("reason", "bale")],
    )
    .await;
    assert_eq!(status, 403, "no CSRF token");
    let wrong = [("outcome", "confirm"), ("reason", "bale"), ("csrf", "0000")];
    assert_eq!(
        post(&browser, &base, &decide, &wrong).await.0,
        403,
        "wrong CSRF token"
    );
    let claim = format!("/ui/cases/{case_id}/claim");
    assert_eq!(post(&browser, &base, &claim, &[]).await.0, 403);
    assert_eq!(post(&browser, &base, "/ui/sign-out", &[]).await.0, 403);
    let case = t.store.case(case_id).await.expect("case");
    assert_eq!(case.case.state, CaseState::Open);

    let (status, page) = get(&browser, &base, &format!("/ui/cases/{case_id}")).await;
    assert_eq!(status, 200);
    let csrf = csrf_of(&page);
    let (status, page) = post(
        &browser,
        &base,
        &decide,
        &[
            ("outcome", "confirm"),
            ("reason", "   "),
            ("csrf", csrf.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Alasan wajib diisi."), "{page}");
    assert_eq!(
        t.store.case(case_id).await.expect("case").case.state,
        CaseState::Open
    );

    let (status, _) = post(&browser, &base, &claim, &[("csrf", csrf.as_str())]).await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &browser,
        &base,
        &decide,
        &[
            ("outcome", "confirm"),
            ("reason", "bales of used clothing"),
            ("csrf", csrf.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let decided = t.store.case(case_id).await.expect("case");
    assert_eq!(decided.case.state, CaseState::Confirmed);
    assert!(
        !decided.actions.is_empty(),
        "a confirmation writes enforcement actions"
    );
    let reason = &decided.events.last().expect("events").reason;
    assert_eq!(reason, "bales of used clothing");
}

async fn reviewers_see_only_the_cases_of_their_platforms(t: TestStore) {
    let theirs = support::listing("tokopedia", "T1", "Karungan bal tokopedia", "");
    let their_case = seed_case(&t.store, &theirs, "bal", Priority::Retail).await;
    let mine = support::listing("shopee", "S1", "Bal shopee", "");
    let my_case = seed_case(&t.store, &mine, "Bal", Priority::Retail).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;

    let (status, queue) = get(&browser, &base, "/ui/queue").await;
    assert_eq!(status, 200);
    assert!(queue.contains(&format!("/ui/cases/{my_case}\"")));
    assert!(
        !queue.contains(&format!("/ui/cases/{their_case}\"")),
        "{queue}"
    );
    assert!(!queue.contains("tokopedia"));

    let (status, other) = get(&browser, &base, &format!("/ui/cases/{their_case}")).await;
    let (missing_status, missing) = get(&browser, &base, "/ui/cases/999999").await;
    assert_eq!((status, missing_status), (404, 404));
    assert_eq!(
        other, missing,
        "another platform's case reads as a missing one"
    );
    assert!(!other.contains("Karungan"));

    let (_, page) = get(&browser, &base, &format!("/ui/cases/{my_case}")).await;
    let csrf = csrf_of(&page);
    let form = [
        ("outcome", "confirm"),
        ("reason", "x"),
        ("csrf", csrf.as_str()),
    ];
    let (status, _) = post(
        &browser,
        &base,
        &format!("/ui/cases/{their_case}/decide"),
        &form,
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(
        t.store.case(their_case).await.expect("case").case.state,
        CaseState::Open
    );
    // A reviewer does not see the regulator page.
    assert_eq!(get(&browser, &base, "/ui/regulator").await.0, 403);
}

async fn the_regulator_page_shows_no_seller_personal_data(t: TestStore) {
    let description = "Hubungi kami di WhatsApp, stok bal banyak";
    let listing = support::listing("shopee", "R1", "Bal impor Korea", description);
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Wholesale).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let regulator = key(&t.store, Role::Regulator, &[]).await;
    let base = serve(t.store.clone()).await;

    // The reviewer's case page shows the seller; the regulator's page must not.
    let reviewer_browser = client();
    sign_in(&reviewer_browser, &base, &reviewer).await;
    let (_, case_page) = get(&reviewer_browser, &base, &format!("/ui/cases/{case_id}")).await;
    assert!(case_page.contains(SELLER_NAME) && case_page.contains(SELLER_ID));
    assert!(
        !case_page.contains(SELLER_PHONE),
        "contacts are not even stored"
    );

    let browser = client();
    let response = sign_in(&browser, &base, &regulator).await;
    assert_eq!(response.headers()["location"], "/ui/regulator");
    let (status, page) = get(&browser, &base, "/ui/regulator").await;
    assert_eq!(status, 200);
    assert!(page.contains("Halaman regulator") && page.contains("overdue-count"));
    for secret in [
        SELLER_NAME,
        SELLER_PHONE,
        SELLER_ID,
        description,
        "Bal impor Korea",
    ] {
        assert!(
            !page.contains(secret),
            "the regulator page shows {secret:?}"
        );
    }
    for reviewer_page in ["/ui/queue", "/ui/appeals", &format!("/ui/cases/{case_id}")] {
        assert_eq!(
            get(&browser, &base, reviewer_page).await.0,
            403,
            "{reviewer_page}"
        );
    }
}

async fn seller_text_is_escaped_and_matched_words_are_marked(t: TestStore) {
    let title = "<script>alert('x')</script> bal baju bekas";
    let description = "<img src=x onerror=alert(1)> \"quoted\"";
    let listing = support::listing("shopee", "X1", title, description);
    let case_id = seed_case(&t.store, &listing, "bal", Priority::Retail).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;
    let (status, page) = get(&browser, &base, &format!("/ui/cases/{case_id}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert"), "the title must be escaped");
    assert!(
        !page.contains("<img src=x"),
        "the description must be escaped"
    );
    // Askama escapes with numeric character references.
    assert!(
        page.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"),
        "{page}"
    );
    assert!(page.contains("<mark>bal</mark> baju bekas"), "{page}");
    assert!(page.contains("classifier score 0.91"));
    assert!(page.contains("Permendag 40/2022 Pasal 2"));
}

async fn both_languages_render_and_the_choice_is_remembered(t: TestStore) {
    let listing = support::listing("shopee", "B1", "Bal", "");
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Retail).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    let (_, sign_in_page) = get(&browser, &base, "/ui/sign-in?lang=en").await;
    assert!(sign_in_page.contains("API key") && sign_in_page.contains("lang=\"en\""));
    let (_, sign_in_page) = get(&browser, &base, "/ui/sign-in?lang=id").await;
    assert!(sign_in_page.contains("Kunci API"));
    sign_in(&browser, &base, &reviewer).await;

    let (_, queue) = get(&browser, &base, "/ui/queue").await;
    assert!(queue.contains("Antrean kasus") && queue.contains("<html lang=\"id\">"));
    let (_, queue) = get(&browser, &base, "/ui/queue?lang=en").await;
    assert!(queue.contains("Case queue") && queue.contains("<html lang=\"en\">"));
    let (_, case_page) = get(&browser, &base, &format!("/ui/cases/{case_id}")).await;
    assert!(
        case_page.contains("The seller&#39;s original text")
            || case_page.contains("The seller's original text"),
        "the choice is remembered: {case_page}"
    );
    assert!(case_page.contains("Legal basis"));
    let (_, case_page) = get(&browser, &base, &format!("/ui/cases/{case_id}?lang=id")).await;
    assert!(case_page.contains("Teks asli penjual") && case_page.contains("Dasar hukum"));
}

async fn appeals_are_decided_by_another_reviewer_with_a_reason(t: TestStore) {
    let listing = support::listing("shopee", "A1", "Bal baju bekas", "");
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Retail).await;
    let policy = support::options().enforcement;
    t.store
        .decide_case(
            case_id,
            saring_store::ReviewOutcome::Confirm,
            "first",
            "bale",
            &policy,
            support::now(),
        )
        .await
        .expect("confirmed");
    let appeal_id = t
        .store
        .file_appeal(
            case_id,
            SELLER_ID,
            "Ini baju baru, bukan bekas",
            support::now(),
        )
        .await
        .expect("appealed");
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;
    let (status, page) = get(&browser, &base, "/ui/appeals").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ini baju baru, bukan bekas"));
    let decide = format!("/ui/appeals/{appeal_id}/decide");
    let csrf = csrf_of(&page);
    let (status, page) = post(
        &browser,
        &base,
        &decide,
        &[
            ("outcome", "overturn"),
            ("reason", ""),
            ("csrf", csrf.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Alasan wajib diisi."));
    let (status, _) = post(
        &browser,
        &base,
        &decide,
        &[
            ("outcome", "overturn"),
            ("reason", "photos show new stock"),
            ("csrf", csrf.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let case = t.store.case(case_id).await.expect("case");
    assert_eq!(case.case.state, CaseState::Cleared);
    assert_eq!(case.appeals[0].state, "overturned");
    let (_, page) = get(&browser, &base, "/ui/appeals").await;
    assert!(page.contains("Tidak ada banding yang menunggu."));
}

async fn the_queue_is_in_priority_order_and_signing_out_ends_the_session(t: TestStore) {
    let retail = seed_case(
        &t.store,
        &support::listing("shopee", "Q1", "Bal kecil", ""),
        "Bal",
        Priority::Retail,
    )
    .await;
    let wholesale = seed_case(
        &t.store,
        &support::listing("shopee", "Q2", "Bal karungan", ""),
        "Bal",
        Priority::Wholesale,
    )
    .await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;
    let (_, queue) = get(&browser, &base, "/ui/queue").await;
    let position = |id: i64| queue.find(&format!("/ui/cases/{id}\"")).expect("listed");
    assert!(position(wholesale) < position(retail), "wholesale first");
    assert!(queue.contains("grosir"));
    let (_, filtered) = get(&browser, &base, "/ui/queue?platform=tokopedia").await;
    assert!(filtered.contains("Tidak ada kasus."));

    let (status, _) = post(
        &browser,
        &base,
        "/ui/sign-out",
        &[("csrf", csrf_of(&queue).as_str())],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(get(&browser, &base, "/ui/queue").await.0, 303);
}

async fn only_http_listing_urls_become_links(t: TestStore) {
    // Stored as a platform sent it (whatever validation says today): the page must hold.
    let hostile = [
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "   javascript:alert(1)",
        "\u{1}\u{8}javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "&#106;avascript:alert(1)",
        "javascript&#58;alert(1)",
        "\" onmouseover=\"alert(1)",
        "//evil.example/phish",
    ];
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let mut cases = Vec::new();
    for (n, url) in hostile.iter().enumerate() {
        let mut listing = support::listing("shopee", &format!("U{n}"), "Bal baju bekas", "");
        listing.url = Some(url.to_string());
        cases.push((
            seed_case(&t.store, &listing, "Bal", Priority::Retail).await,
            *url,
        ));
    }
    let mut good = support::listing("shopee", "UOK", "Bal baju bekas", "");
    good.url = Some("https://shopee.co.id/Bal-i.1.2?x=1&y=2".into());
    let good_case = seed_case(&t.store, &good, "Bal", Priority::Retail).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;

    for (case_id, url) in cases {
        let (status, page) = get(&browser, &base, &format!("/ui/cases/{case_id}")).await;
        assert_eq!(status, 200);
        assert!(
            !page.contains("\" class=\"url\" id=\"listing-url\" rel="),
            "{url:?} became a link: {page}"
        );
        let lower = page.to_ascii_lowercase();
        for scheme in [
            "href=\"javascript",
            "href=\"data:",
            "href=\"vbscript",
            "href=\"//",
            "href=\" ",
        ] {
            assert!(!lower.contains(scheme), "{url:?} reached an href: {page}");
        }
        assert!(
            !page.contains("onmouseover=\""),
            "{url:?} broke out of its element: {page}"
        );
        assert!(
            page.contains("<span class=\"url\" id=\"listing-url\">"),
            "{url:?} is shown as text: {page}"
        );
    }
    let (_, page) = get(&browser, &base, &format!("/ui/cases/{good_case}")).await;
    assert!(
        page.contains(
            "<a href=\"https://shopee.co.id/Bal-i.1.2?x=1&#38;y=2\" class=\"url\" id=\"listing-url\""
        ),
        "an https URL is a link: {page}"
    );
}

async fn every_ui_response_carries_a_strict_policy_and_the_usual_headers(t: TestStore) {
    let listing = support::listing("shopee", "H1", "Bal baju bekas", "");
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Retail).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let base = serve(t.store.clone()).await;
    let browser = client();
    let check = |response: &reqwest::Response, what: &str| {
        let headers = response.headers();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_else(|| panic!("{what}: no {name} header"))
                .to_string()
        };
        let policy = header("content-security-policy");
        assert!(policy.contains("default-src 'none'"), "{what}: {policy}");
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{what}: {policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{what}: {policy}");
        assert!(!policy.contains("script-src"), "{what}: {policy}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header("x-frame-options"), "DENY", "{what}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{what}");
    };
    // Before sign-in: the form, a redirect, a refused form post, the style sheet.
    for path in ["/ui/sign-in", "/ui/queue", "/ui/style.css"] {
        let response = browser
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("GET");
        check(&response, path);
    }
    let refused = browser
        .post(format!("{base}/ui/sign-in"))
        .form(&[("key", "x")])
        .send()
        .await
        .expect("POST");
    assert_eq!(refused.status().as_u16(), 403);
    check(&refused, "refused sign-in");
    let signed_in = sign_in(&browser, &base, &reviewer).await;
    check(&signed_in, "sign-in redirect");
    for path in [
        "/ui/queue".to_string(),
        format!("/ui/cases/{case_id}"),
        "/ui/cases/999999".to_string(),
        "/ui/cases/not-a-number".to_string(),
        "/ui/regulator".to_string(),
        "/ui/appeals".to_string(),
    ] {
        let response = browser
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("GET");
        check(&response, &path);
        let page = response.text().await.expect("body");
        // Nothing the policy would have to allow: no inline style, no script.
        for inline in ["<style", "style=", "<script", "javascript:"] {
            assert!(!page.contains(inline), "{path} holds {inline}: {page}");
        }
    }
    let sheet = browser
        .get(format!("{base}/ui/style.css"))
        .send()
        .await
        .expect("GET");
    assert_eq!(sheet.headers()["content-type"], "text/css; charset=utf-8");
    assert!(sheet.text().await.expect("css").contains("mark {"));
}

async fn who_confirmed_over_the_api_cannot_decide_the_appeal_in_the_ui(t: TestStore) {
    let listing = support::listing("shopee", "S1", "Bal baju bekas", "");
    let case_id = seed_case(&t.store, &listing, "Bal", Priority::Retail).await;
    let reviewer = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let principal = t
        .store
        .authenticate_api_key(&reviewer)
        .await
        .expect("lookup")
        .expect("the key");
    // What `POST /v1/cases/{id}/decision` records as the actor of this key.
    let api_actor = format!("api-key:{}", principal.key_id);
    let policy = support::options().enforcement;
    t.store
        .decide_case(
            case_id,
            saring_store::ReviewOutcome::Confirm,
            &api_actor,
            "bale",
            &policy,
            support::now(),
        )
        .await
        .expect("confirmed over the API");
    let appeal_id = t
        .store
        .file_appeal(case_id, SELLER_ID, "Ini baju baru", support::now())
        .await
        .expect("appealed");
    let base = serve(t.store.clone()).await;
    let browser = client();
    sign_in(&browser, &base, &reviewer).await;
    let (_, page) = get(&browser, &base, "/ui/appeals").await;
    let csrf = csrf_of(&page);
    let decide = [
        ("outcome", "overturn"),
        ("reason", "my own call was wrong"),
        ("csrf", csrf.as_str()),
    ];
    let path = format!("/ui/appeals/{appeal_id}/decide");
    let (status, page) = post(&browser, &base, &path, &decide).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Tindakan ditolak"), "{page}");
    let case = t.store.case(case_id).await.expect("case");
    assert_eq!(case.case.state, CaseState::Appealed);
    assert_eq!(case.appeals[0].state, "pending");

    // Another reviewer may.
    let other = key(&t.store, Role::Reviewer, &["shopee"]).await;
    let browser = client();
    sign_in(&browser, &base, &other).await;
    let (_, page) = get(&browser, &base, "/ui/appeals").await;
    let csrf = csrf_of(&page);
    let decide = [
        ("outcome", "uphold"),
        ("reason", "the bale photos stand"),
        ("csrf", csrf.as_str()),
    ];
    assert_eq!(post(&browser, &base, &path, &decide).await.0, 303);
    let case = t.store.case(case_id).await.expect("case");
    assert_eq!(case.appeals[0].state, "upheld");
    assert_eq!(
        case.appeals[0].decided_by.as_deref(),
        Some(format!("api-key:{}", other_id(&t.store, &other).await).as_str())
    );
}

async fn other_id(store: &saring_store::Store, key: &str) -> String {
    store
        .authenticate_api_key(key)
        .await
        .expect("lookup")
        .expect("the key")
        .key_id
}
