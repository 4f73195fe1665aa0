/*
 * The plugin's half of the frame bridge: tells the host page this frame rendered ("ready") and how tall
 * it is, whenever that changes. Messages go only to the host's origin (data-host-origin on <body>, or
 * this page's own origin when the plugin is served beside the host).
 *
 * Session renewal: the plugin session ends when its host token expires (data-session-expires, epoch ms).
 * Half a minute before, the frame posts {type: "taskboard:token-request"}; the host answers
 * {type: "taskboard:token", url} with a freshly signed frame URL, which is POSTed to data-renew-url
 * (the plugin verifies it and extends the session). Only answers from the parent window and the host's
 * origin are taken; the URL is sent as data, never navigated to or inserted into the page.
 */
(function () {
    if (window.parent === window) { return; }
    var body = document.body;
    var target = (body && body.getAttribute('data-host-origin')) || window.location.origin;
    var last = 0;
    function post(type) {
        var h = Math.ceil(document.documentElement.scrollHeight);
        if (type === 'taskboard:resize' && h === last) { return; }
        last = h;
        window.parent.postMessage({type: type, height: h}, target);
    }
    post('taskboard:ready');

    var renewUrl = body && body.getAttribute('data-renew-url');
    var timer = null;
    function schedule(expiresAt) {
        var at = Number(expiresAt);
        if (!renewUrl || !isFinite(at) || at <= 0) { return; }
        clearTimeout(timer);
        timer = setTimeout(function () {
            window.parent.postMessage({type: 'taskboard:token-request'}, target);
        }, Math.max(1000, at - Date.now() - 30000));
    }
    window.addEventListener('message', function (event) {
        var data = event.data;
        if (event.source !== window.parent || event.origin !== target || !data || data.type !== 'taskboard:token'
            || typeof data.url !== 'string') { return; }
        fetch(renewUrl, {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({url: data.url})})
            .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
            .then(function (answer) { schedule(answer.expiresAt); })
            .catch(function () { /* the session ends at expiry; the host's retry reloads the frame */ });
    });
    schedule(body && body.getAttribute('data-session-expires'));
    if (window.ResizeObserver) {
        new ResizeObserver(function () { post('taskboard:resize'); }).observe(document.documentElement);
    }
})();
