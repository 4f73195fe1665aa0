/*
 * The host's half of the plugin frame bridge. Each .tb-extension holds an iframe that must post
 * {type: "taskboard:ready"} within its render timeout, else the labelled placeholder replaces it.
 * Plugins may post {type: "taskboard:resize", height} to size their frame, and
 * {type: "taskboard:token-request"} to get {type: "taskboard:token", url} back: a freshly signed URL of
 * the same frame (from /plugins/frame-url, under the signed-in user's session), so the plugin can renew
 * its session before the frame token expires. Messages are accepted only from the frame's own window and
 * origin, and answered only to that window and origin.
 */
(function () {
    if (window.taskboardPlugins) { return; }
    var MIN = 40, MAX = 4000;

    function originOf(url) {
        try { return new URL(url, window.location.href).origin; } catch (e) { return null; }
    }

    function fail(box) {
        box.dataset.state = 'failed';
        clearTimeout(box._timer);
    }

    function watch(box) {
        var frame = box.querySelector('iframe');
        if (!frame) { fail(box); return; }
        box.dataset.state = 'loading';
        box._origin = originOf(frame.src);
        clearTimeout(box._timer);
        box._timer = setTimeout(function () {
            if (box.dataset.state !== 'ready') { fail(box); }
        }, parseInt(box.dataset.timeout, 10) || 8000);
    }

    function retry(box) {
        box.dataset.retries = String((parseInt(box.dataset.retries, 10) || 0) + 1);
        box.dataset.state = 'loading';
        fetch(box.dataset.retryUrl, {credentials: 'same-origin'})
            .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
            .then(function (data) {
                if (!data.url) { throw new Error('no url'); }
                var frame = box.querySelector('iframe');
                if (!frame) {
                    frame = document.createElement('iframe');
                    frame.className = 'tb-extension-frame';
                    box.insertBefore(frame, box.firstChild);
                }
                frame.src = data.url;
                watch(box);
            })
            .catch(function () { fail(box); });
    }

    window.addEventListener('message', function (event) {
        var data = event.data;
        if (!data || typeof data !== 'object' || typeof data.type !== 'string') { return; }
        document.querySelectorAll('.tb-extension').forEach(function (box) {
            var frame = box.querySelector('iframe');
            if (!frame || event.source !== frame.contentWindow || event.origin !== box._origin) { return; }
            if (data.type === 'taskboard:token-request') {
                fetch(box.dataset.retryUrl, {credentials: 'same-origin'})
                    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
                    .then(function (answer) {
                        if (answer.url) {
                            frame.contentWindow.postMessage({type: 'taskboard:token', url: answer.url}, box._origin);
                        }
                    })
                    .catch(function () { /* signed out or plugin gone: the frame's session simply ends */ });
                return;
            }
            if (data.type === 'taskboard:ready' || data.type === 'taskboard:resize') {
                if (data.type === 'taskboard:ready') { box.dataset.state = 'ready'; clearTimeout(box._timer); }
                var h = Number(data.height);
                if (isFinite(h) && h > 0) { frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(h))) + 'px'; }
            }
        });
    });

    /* A frame's signed URL is good for one load (the plugin remembers each token's jti), so the frame
       is loaded exactly once, here, from data-src, with the page's fragment (e.g. #trace-<id> from a
       dashboard link) passed on so a plugin can open what the link pointed at. Fragments never reach a
       server. */
    function load(box) {
        var frame = box.querySelector('iframe');
        if (frame && frame.dataset.src && !frame.getAttribute('src')) {
            frame.src = frame.dataset.src + (window.location.hash.length > 1 ? window.location.hash : '');
        }
    }

    function init() {
        document.querySelectorAll('.tb-extension').forEach(function (box) {
            if (box._watched) { return; }
            box._watched = true;
            load(box);
            box.querySelector('.tb-extension-retry').addEventListener('click', function () { retry(box); });
            if (box.dataset.state !== 'failed') { watch(box); }
        });
    }

    window.taskboardPlugins = {init: init};
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
