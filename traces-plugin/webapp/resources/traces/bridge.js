/*
 * The plugin's half of the frame bridge: tells the host page this frame rendered ("ready") and how tall
 * it is, whenever that changes. Messages go only to the host's origin (data-host-origin on <body>, or
 * this page's own origin when the plugin is served beside the host).
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
    if (window.ResizeObserver) {
        new ResizeObserver(function () { post('taskboard:resize'); }).observe(document.documentElement);
    }
})();
