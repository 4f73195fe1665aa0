/*
 * Agent Traces page behaviour. Untrusted text only ever enters the page through textContent, never
 * innerHTML: the server renders escaped markup, and this script adds text, not markup.
 */
window.AT = {
    copy: function (button) {
        var box = button.closest('.at-detail').querySelector('.at-copyable');
        var text = box ? box.textContent : '';
        var done = function () {
            button.lastChild.textContent = ' Copied';
            setTimeout(function () { button.lastChild.textContent = ' Copy'; }, 1500);
        };
        var fallback = function () {
            var area = document.createElement('textarea');
            area.value = text;
            document.body.appendChild(area);
            area.select();
            try { document.execCommand('copy'); } catch (e) { /* nothing else to try */ }
            area.remove();
            done();
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, fallback);
        } else {
            fallback();
        }
    },
    more: function (button) {
        var text = button.previousElementSibling;
        var collapsed = text.classList.toggle('at-collapsed');
        button.textContent = collapsed ? 'Show more' : 'Show less';
    },
    showAll: function (button) {
        var pre = button.closest('.at-detail').querySelector('.at-output');
        button.disabled = true;
        button.textContent = 'Loading…';
        fetch(button.getAttribute('data-url'), { credentials: 'same-origin' })
            .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
            .then(function (text) {
                pre.textContent = text;
                pre.classList.add('at-output-full');
                button.remove();
            })
            .catch(function () {
                button.disabled = false;
                button.textContent = 'Could not load the rest — try again';
            });
    },
    /* An LLM call's conversation: markdown (escaped, sanitised on the server) or the raw text as sent. */
    raw: function (button) {
        var raw = button.closest('.at-detail').classList.toggle('at-show-raw');
        button.textContent = raw ? 'Formatted' : 'Raw';
    },
    scrollToFocus: function () {
        var row = document.querySelector('.at-timeline tr.at-focus');
        if (row) { row.scrollIntoView({ block: 'center' }); }
    },
    /* The live-update socket's state on the body (data-live="open"/"closed"), for styles and tests. */
    live: function (state) {
        document.body.setAttribute('data-live', state);
    },
    /*
     * The task panel's live socket (web.live.PanelSocket), opened once per page from #at-live: on every "refresh"
     * it receives, the panel refreshes (atRefresh, the form's p:remoteCommand, with the task and the open trace
     * #at-live names). The server sends the first one itself once it has read the task's version after the open
     * (LiveUpdates#opened), so a step committed while the socket opened is never missed; the page does not refresh
     * on open by itself. After a drop it connects again, 0.5 s later at first, then waiting twice as
     * long each time up to 15 s (the longest at once when the handshake was refused, 1008): a panel whose server
     * went away comes back on the one the balancer picks, where the replicated session admits it.
     */
    liveSocket: (function () {
        var socket = null;
        var attempts = 0;
        var params = null;
        function refresh() {
            var el = document.getElementById('at-live');
            if (el) {
                params = [{ name: 'task', value: el.getAttribute('data-task') || '' },
                    { name: 'trace', value: el.getAttribute('data-trace') || '' }];
            }
            if (params && window.atRefresh) { window.atRefresh(params); }
        }
        function connect() {
            var el = document.getElementById('at-live');
            if (socket || !el || !window.WebSocket) { return; }
            socket = new WebSocket((window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host
                + el.getAttribute('data-url'));
            socket.onopen = function () { attempts = 0; AT.live('open'); };
            socket.onmessage = function () { refresh(); };
            socket.onclose = function (event) {
                socket = null;
                AT.live('closed');
                setTimeout(connect, event.code === 1008 ? 15000 : Math.min(15000, 500 * Math.pow(2, attempts++)));
            };
        }
        return { connect: connect };
    })(),
    notice: function (text) {
        var box = document.getElementById('at-notice');
        if (box) {
            box.textContent = text;
            box.classList.add('at-visible');
            setTimeout(function () { box.classList.remove('at-visible'); }, 4000);
        }
    },
    /* The host links to a trace as #trace-<id>: open it if it is not open yet. */
    openFromHash: function () {
        var m = /^#trace-([0-9a-fA-F-]{36})$/.exec(window.location.hash);
        if (!m) { return; }
        var item = document.getElementById('trace-' + m[1]);
        if (item && !item.classList.contains('at-selected')) {
            var link = item.querySelector('.at-trace-link');
            if (link) { link.click(); }
        }
        if (item) { item.scrollIntoView({ block: 'start' }); }
    },
    /*
     * A frame that loads inside a hidden host tab is invisible to itself, so PrimeFaces defers drawing
     * its charts until a hidden container of its own page is shown, which never happens: the hidden
     * container is the host's tab, outside the frame. When the frame becomes visible (or is resized),
     * charts not drawn yet are drawn and drawn ones are fitted to their box again.
     */
    redrawCharts: function () {
        if (!window.PrimeFaces || !PrimeFaces.widget.Chart || !document.documentElement.clientWidth) { return; }
        Object.keys(PrimeFaces.widgets).forEach(function (key) {
            var w = PrimeFaces.widgets[key];
            if (!(w instanceof PrimeFaces.widget.Chart) || !w.jq.is(':visible')) { return; }
            if (!w.chart) {
                w._render();
            } else {
                w.chart.resize();
            }
        });
    }
};

if (window.ResizeObserver) {
    new ResizeObserver(function () { AT.redrawCharts(); }).observe(document.documentElement);
}
window.addEventListener('resize', function () { AT.redrawCharts(); });

if (window.jQuery) {
    /* Clicking anywhere on a timeline row expands it, like its toggler. */
    jQuery(document).on('click', '.at-timeline tbody > tr.at-step', function (e) {
        if (jQuery(e.target).closest('a, button, .ui-row-toggler, input').length) { return; }
        jQuery(this).find('.ui-row-toggler').first().trigger('click');
    });
    jQuery(function () { AT.openFromHash(); AT.liveSocket.connect(); });
    jQuery(window).on('hashchange', function () { AT.openFromHash(); });
}

/*
 * Compare from a list (the agent tab, the cost widget's top tasks): tick two traces' boxes and the Compare
 * button opens them side by side, the lower data-order on the left (the older on the agent tab, the dearer
 * on the widget). Delegated from the document, so rows re-rendered by Ajax keep working.
 */
(function () {
    function picked() {
        return Array.prototype.slice.call(document.querySelectorAll('input.at-pick:checked'));
    }
    function sync() {
        var button = document.getElementById('at-compare-picked');
        if (!button) { return; }
        var n = picked().length;
        button.disabled = n !== 2;
        button.textContent = n === 2 ? 'Compare the 2 picked' : 'Compare (pick 2)';
    }
    document.addEventListener('change', function (e) {
        if (e.target.classList && e.target.classList.contains('at-pick')) { sync(); }
    });
    document.addEventListener('click', function (e) {
        var button = e.target.closest && e.target.closest('#at-compare-picked');
        if (!button || button.disabled) { return; }
        var two = picked().sort(function (x, y) {
            return Number(x.getAttribute('data-order')) - Number(y.getAttribute('data-order'));
        });
        if (two.length !== 2) { return; }
        window.location.href = button.getAttribute('data-url') + '?a=' + encodeURIComponent(two[0].value)
            + '&b=' + encodeURIComponent(two[1].value);
    });
    document.addEventListener('DOMContentLoaded', sync);
    /* The compare page's "back": to the list the traces were picked from (script, not a javascript: link, for the CSP). */
    document.addEventListener('click', function (e) {
        if (e.target.closest && e.target.closest('.at-history-back')) { e.preventDefault(); window.history.back(); }
    });
})();
