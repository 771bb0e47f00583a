#!/usr/bin/env bash
# Hardens the domain1 of an unpacked Payara before its first start, for the run command and the tests
# alike (production applies the same settings with asadmin, see the README's production section):
#  - no "Server: Payara Server 6.x" or "X-Powered-By" on the application listeners (OWASP ASVS 4.0.3 V14.3.3);
#  - /metrics answers only administrators of Trailkeeper (HTTP Basic over HTTPS), never anonymous callers;
#  - the admin listener (4848, no admin password in a fresh domain) listens on the loopback interface only.
# Edits domain.xml in place, only the server-config; running it again changes nothing.
set -euo pipefail

domain_xml="$1/glassfish/domains/domain1/config/domain.xml"
[ -f "$domain_xml" ] || { echo "No domain.xml at $domain_xml" >&2; exit 1; }

# The server-config comes first in domain.xml; edit only up to where the default-config begins.
end=$(grep -n '<config name="default-config"' "$domain_xml" | head -n 1 | cut -d: -f1)
[ -n "$end" ] || { echo "Unexpected domain.xml: no default-config" >&2; exit 1; }

# Each edit applies only where its attribute is missing, so a domain.xml that Payara has rewritten since
# (it orders attributes its own way) is left as it is.
sed -i "1,${end}{
  /<http [^>]*default-virtual-server=\"server\"/{
    /server-header=/!s/<http /<http server-header=\"false\" /
    /xpowered-by=/!s/<http /<http xpowered-by=\"false\" /
  }
  /<microprofile-metrics-configuration/{
    /security-enabled=/!s/<microprofile-metrics-configuration/<microprofile-metrics-configuration security-enabled=\"true\"/
    /roles=/!s/<microprofile-metrics-configuration/<microprofile-metrics-configuration roles=\"ADMIN\"/
  }
  /<network-listener [^>]*name=\"admin-listener\"/{/address=/!s/<network-listener /<network-listener address=\"127.0.0.1\" /}
}" "$domain_xml"

# Say so loudly if Payara's layout changed and an edit did not apply (attributes in any order).
server_config=$(head -n "$end" "$domain_xml")
lines() { grep -E "$1" <<<"$server_config" || true; }
http=$(lines '<http [^>]*default-virtual-server="server"')
[ -n "$http" ] && ! grep -v 'server-header="false"' <<<"$http" | grep -q . && ! grep -v 'xpowered-by="false"' <<<"$http" | grep -q . \
  || { echo "Server header not disabled in $domain_xml" >&2; exit 1; }
metrics=$(lines '<microprofile-metrics-configuration')
grep -q 'security-enabled="true"' <<<"$metrics" && grep -q 'roles="ADMIN"' <<<"$metrics" \
  || { echo "Metrics not secured in $domain_xml" >&2; exit 1; }
grep -q 'address="127.0.0.1"' <<<"$(lines '<network-listener [^>]*name="admin-listener"')" \
  || { echo "Admin listener not bound to loopback in $domain_xml" >&2; exit 1; }
