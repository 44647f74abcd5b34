import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker.js";
import { orcidQuery } from "./orcid.js";
import { TtlCache } from "./ttl-cache.js";
import { xmlElements, xmlText } from "./xml-text.js";

describe("TtlCache", () => {
  it("forgets entries after the TTL and evicts the oldest when full", () => {
    let now = 0;
    const cache = new TtlCache<number>(100, 2, () => now);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe(2);
    now = 150;
    expect(cache.get("c")).toBeUndefined();
    const off = new TtlCache<number>(0);
    off.set("x", 1);
    expect(off.get("x")).toBeUndefined();
  });
});

describe("CircuitBreaker", () => {
  it("opens after N failures, lets one trial through after the cooldown", () => {
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    breaker.failed();
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe("open");
    expect(breaker.allow()).toBe(false);
    now = 1000;
    expect(breaker.allow()).toBe(true); // the trial
    expect(breaker.allow()).toBe(false); // only one at a time
    breaker.failed();
    expect(breaker.state).toBe("open");
    now = 2500;
    expect(breaker.allow()).toBe(true);
    breaker.succeeded();
    expect(breaker.state).toBe("closed");
  });
});

describe("orcidQuery", () => {
  it("escapes Solr specials, makes the last word a prefix, and searches pasted iDs by id", () => {
    expect(orcidQuery("family-name:(")).toBe("family\\-name\\:\\(*");
    expect(orcidQuery("jean dup")).toBe("jean dup*");
    expect(orcidQuery("https://orcid.org/0000-0002-1825-0097")).toBe("orcid:0000-0002-1825-0097");
  });
});

describe("xml-text", () => {
  it("reads elements by local name, with entities and CDATA", () => {
    const xml =
      '<r3d:repository><r3d:repositoryName language="eng">A &amp; B &#233;</r3d:repositoryName><r3d:description><![CDATA[x < y]]></r3d:description><r3d:empty/></r3d:repository>';
    expect(xmlText(xml, "repositoryName")).toBe("A & B é");
    expect(xmlText(xml, "description")).toBe("x < y");
    expect(xmlText(xml, "empty")).toBeUndefined();
    expect(
      xmlElements(
        "<list><repository><id>1</id></repository><repository><id>2</id></repository></list>",
        "repository",
      ),
    ).toHaveLength(2);
  });
});
