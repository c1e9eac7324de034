"""The client's address behind a reverse proxy, believed only from a proxy the deployment trusts.

`X-Forwarded-For` is written by whoever sends the request: read as is, anyone could pick the address the
login lockout counts against (and spread guesses over invented addresses). It is read only when the
connection comes from an address listed in `DANVAN_TRUSTED_PROXIES`; the client is then the right-most
address of the header that is not itself a trusted proxy (each proxy appends the address it saw).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(values: list[str], name: str = "DANVAN_TRUSTED_PROXIES") -> list[Network]:
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {value!r} is not an IP address or network") from exc
    return networks


def _address(value: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address: IPAddress | None, networks: list[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The address of the person at the keyboard, as far as the trusted proxies vouch for it."""
    remote: str = request.META.get("REMOTE_ADDR", "")
    networks = getattr(settings, "DANVAN_TRUSTED_PROXIES", [])
    if not networks or not _trusted(_address(remote), networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage in the header: trust nothing left of it
        if not _trusted(address, networks):
            return str(address)
    return remote
