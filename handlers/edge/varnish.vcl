vcl 4.1;

# Varnish in front of the news site, with the xkey module (Debian:
# varnish and varnish-modules). `news vcl --backend HOST:PORT` prints this
# file with the site's address filled in; run the site with
#   --purge-style varnish --purge-url http://VARNISH_HOST:PORT
# so that each committed write purges the pages that show what it changed.

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may send PURGE requests: the site itself.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    # The newsroom, every form sent, and the streaming group go to the site.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$|\?)" || req.url ~ "^/live/") {
        return (pass);
    }
    # Reader pages are the same for every visitor; any cookie would make
    # the site answer "private", so readers' cookies stay here.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # The site gives the edge a long lifetime in Surrogate-Control (it
    # purges on change) and browsers a short one in Cache-Control.
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
            "^.*max-age=([0-9]+).*$", "\1") + "s", 60s);
        set beresp.grace = 10s;
        set beresp.keep = 1h;
    }
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
    }
}

sub vcl_deliver {
    # The tags and the edge's lifetime are for Varnish alone.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    unset resp.http.CDN-Cache-Control;
    if (obj.hits > 0) {
        set resp.http.X-Edge = "hit";
    } else {
        set resp.http.X-Edge = "miss";
    }
}
