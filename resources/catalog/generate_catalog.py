#!/usr/bin/env python3
"""Turns the hand-made reference extraction (shared/notes/catalog-reference.json) into catalog.json.

The app never runs this script: catalog.json is committed. Run it again when the reference changes:

    python3 resources/catalog/generate_catalog.py \
        --reference /work/shared/notes/catalog-reference.json \
        --seeds /work/shared/seeds \
        --out resources/catalog/catalog.json

With --seeds, every Ark retirement row is re-read from seed 000 and compared with the reference
(the seed wins; a mismatch stops the script), the Anthropic table of seed 002 likewise, and the video
models' "video" objects against the tables of the video generation guide in seed 003.
The format is described in FORMAT.md beside this file.
"""

import argparse
import json
import re
import sys
from pathlib import Path

SCHEMA_VERSION = 1
# The catalog's own version: the date of the newest fact in the sources (Krea's 2026-05-13
# retirement, seed 001 line 43) and a serial for re-issues of the same data.
CATALOG_VERSION = "2026-05-13.2"  # .2: the video models' "video" objects (same sources)

PROVIDERS = [
    {
        "id": "volcengine-ark",
        "display_name": "Volcengine Ark",
        "default_base_url": "https://ark.cn-beijing.volces.com/api/v3",
        "currency": "CNY",
        "date_utc_offset": "+08:00",
        "source": "S0; S3 (the console and every stated time are Beijing time, UTC+8)",
    },
    {
        "id": "anthropic",
        "display_name": "Anthropic",
        "default_base_url": "https://api.anthropic.com/v1",
        "currency": "USD",
        "date_utc_offset": "+00:00",
        "source": "S2 (dates without time or zone; read as 00:00 UTC)",
    },
    {
        "id": "krea",
        "display_name": "Krea",
        "default_base_url": "",
        "currency": None,
        "date_utc_offset": "+00:00",
        "source": "S1 (Sunset headers are GMT, S1:15)",
    },
]
DATE_OFFSET = {p["id"]: p["date_utc_offset"] for p in PROVIDERS}

KIND_MAP = {
    "chat": "chat",
    "reasoning": "reasoning",
    "vision-chat": "vision",
    "video-generation": "video-generation",
    "image-generation": "image-generation",
    "embedding": "embedding",
    "simultaneous-translation": "simultaneous-translation",
    None: None,
}

# Where the reference disagrees with a seed; the seed wins. Applied below and listed in FORMAT.md.
SOURCE_FIXES = {
    # Batch 2 notice: S0:162 is the "**EOM**" heading; the notice row is S0:161.
    "S0:162; S3:3078": "S0:161; S3:3078",
}

# Anthropic notice dates: the reference cites the table rows (S2:108, S2:129-131, S2:143-149), which
# hold the retirement date; the notice date is written in each section's heading and first sentence.
ANTHROPIC_NOTICE_SOURCE = {
    "2025-12-19": "S2:82, S2:84",
    "2025-10-28": "S2:90, S2:92",
    "2025-08-13": "S2:98, S2:104",
    "2025-06-30": "S2:111, S2:113",
    "2025-01-21": "S2:119, S2:125",
    "2024-09-04": "S2:133, S2:139",
}


def norm(model_id):
    """The same normalisation as Catalog::normalizedId (FORMAT.md, "Matching ids")."""
    s = re.sub(r"[\s./_\-]+", "-", model_id.strip().lower())
    return s.strip("-")


def fix_source(text):
    return SOURCE_FIXES.get(text, text) if isinstance(text, str) else text


def instant(date, provider, time=None, offset=None):
    """A published date (and optional time) as ISO 8601 with its offset."""
    off = offset or DATE_OFFSET[provider]
    t = time or "00:00:00"
    if len(t) == 5:
        t += ":00"
    return f"{date}T{t}{off}"


def date_obj(ref, provider, extra=None):
    """A reference date object -> {"at", "time_stated", "source"}."""
    if not ref:
        return None
    if ref.get("iso"):
        at = ref["iso"].replace("Z", "+00:00")
        stated = bool(ref.get("timezone_stated")) and ref.get("time") is not None
    else:
        at = instant(ref["date"], provider)
        stated = False
    out = {"at": at, "time_stated": stated, "source": fix_source(ref.get("source"))}
    if extra:
        out.update(extra)
    return out


def k_text(rng):
    """"[0,32]" -> "[0, 32]" as the price table writes it; "(0.2,+inf)" -> "(0.2,+∞)"."""
    text = rng["text_k"]
    if "+inf" in text:
        return text.replace("+inf", "+∞")
    return text.replace(",", ", ")


def token_range(rng):
    out = {"min": rng["min_tokens"], "min_inclusive": rng["min_inclusive"]}
    if rng.get("max_tokens") is not None:
        out["max"] = rng["max_tokens"]
        out["max_inclusive"] = rng["max_inclusive"]
    return out


def tier(ref_tier):
    parts = []
    out = {}
    if ref_tier.get("input_length"):
        parts.append("输入长度 " + k_text(ref_tier["input_length"]))
        out["input_tokens"] = token_range(ref_tier["input_length"])
    if ref_tier.get("output_length"):
        parts.append("且输出长度 " + k_text(ref_tier["output_length"]))
        out["output_tokens"] = token_range(ref_tier["output_length"])
    result = {"condition": " ".join(parts)}
    result.update(out)
    result["input"] = ref_tier["input"]
    if ref_tier.get("cache_hit_input") is not None:
        result["cached_input"] = ref_tier["cache_hit_input"]
    result["output"] = ref_tier["output"]
    if ref_tier.get("source"):
        result["source"] = ref_tier["source"]
    return result


def price_table(currency, tiers, storage=None, source=None, **extra):
    out = {"currency": currency, "tiers": tiers}
    if storage is not None:
        out["cache_storage_per_million_hour"] = storage
    out.update({k: v for k, v in extra.items() if v is not None})
    if source:
        out["source"] = source
    return out


def pricing(ref):
    """(pricing, batch_pricing) in the PriceTable format (app/pricing/PriceTable.h)."""
    p = ref.get("pricing")
    if not p:
        return None, None
    cur = p.get("currency", "CNY")
    scope = p.get("scope")
    online = p.get("online") or {}
    batch = p.get("batch") or {}
    if online.get("tiers"):
        on = price_table(cur, [tier(t) for t in online["tiers"]], online.get("cache_storage_per_mtok_hour"),
                         scope, price_key=p.get("price_key"))
        bt = None
        if batch.get("tiers"):
            bt = price_table(cur, [tier(t) for t in batch["tiers"]], None, scope)
        return on, bt
    if p.get("video"):
        v = p["video"]
        # Video is billed on the generated video's tokens, which the API reports as output.
        return price_table(cur, [{"condition": "", "input": 0, "output": v["text_to_video_per_mtok"]}], None,
                           v.get("source"), price_key=p.get("price_key"), billed_on="output_video_tokens"), None
    if p.get("image"):
        i = p["image"]
        return price_table(cur, [], None, i.get("source"), price_key=p.get("price_key"),
                           per_image=i["per_image_cny"]), None
    if p.get("embedding"):
        e = p["embedding"]
        text_in = e.get("input_per_mtok", e.get("text_input_per_mtok"))
        return price_table(cur, [{"condition": "", "input": text_in, "output": e.get("output_per_mtok", 0)}], None,
                           e.get("source"), price_key=p.get("price_key"),
                           image_input=e.get("image_input_per_mtok")), None
    if p.get("translation"):
        t = p["translation"]
        return price_table(cur, [{"condition": "", "input": t["speech_input_per_mtok"],
                                  "output": t["text_output_per_mtok"]}], None, t.get("source"),
                           price_key=p.get("price_key"), note="the table prices per 1,000 tokens (0.03); "
                           "converted to per million"), None
    raise SystemExit(f"unhandled pricing shape for {ref['id']}: {list(p)}")


def capabilities(ref):
    c = ref.get("capabilities")
    if not c:
        return None
    seed16 = ref["id"].startswith("doubao-seed-1-6-")
    so = c.get("structured_output")
    th = c.get("thinking")
    thinking = None
    if th and th.get("supported"):
        param = th.get("param") == "thinking"
        modes = [m for m in (th.get("modes") or []) if m in ("enabled", "disabled", "auto")] if param else []
        thinking = {
            "modes": modes,
            "default": th.get("default") if param else None,
            # Reasons on every request and has no control (a `thinking` field is ignored or an error).
            "always": (not param) and "enabled" in (th.get("modes") or []),
            "source": th.get("source"),
        }
        if "via system prompt" in (th.get("modes") or []):
            thinking["note"] = "thinks only when the system prompt asks for it (S3:26512, S3:34370)"
    out = {
        "text_input": c.get("text_input", True),
        "image_input": bool(c.get("image_input")),
        "video_input": bool(c.get("video_input")),
        "tools": bool(c.get("tool_calling")),
        # "仅 doubao-seed-1-6-*** 模型支持此字段" (S3:8160); parallel_tool_calls=false only takes effect there (S3:8152).
        "tool_choice": seed16 and bool(c.get("tool_calling")),
        "parallel_tool_calls": seed16 and bool(c.get("tool_calling")),
        "structured_output": bool(so.get("supported")) if isinstance(so, dict) else bool(so),
        "max_completion_tokens": bool(c.get("max_completion_tokens_param")),
        "thinking": thinking,
    }
    if isinstance(so, dict) and so.get("modes"):
        out["structured_output_modes"] = so["modes"]
    skip = {"text_input", "image_input", "video_input", "tool_calling", "structured_output", "thinking",
            "max_completion_tokens_param"}
    for k, v in c.items():
        if k not in skip:
            out[k] = v
    return out


# What each Ark video generation model accepts: the model table of the video generation guide
# (S3:18642-18690), its text-command comparison (S3:18697-18837) and the commands' reference
# (S3:27403-27491). Lists that are absent mean "as from text"; see FORMAT.md, "Video generation".
# The reference extraction has no such data, so it is written here, and re-read from the seed with --seeds.
SEEDANCE_RATIOS = ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"]  # S3:18733-18759
ALL_RESOLUTIONS = ["480p", "720p", "1080p"]


def video_entry(text, first, last, resolutions, ratios, durations, fps, camera_fixed, source,
                needs_last=False, image_resolutions=None, last_frame_resolutions=None, image_ratios=None,
                image_durations=None):
    out = {"text_to_video": text, "first_frame": first, "last_frame": last, "needs_last_frame": needs_last,
           "resolutions": resolutions}
    if image_resolutions:
        out["image_resolutions"] = image_resolutions
    if last_frame_resolutions:
        out["last_frame_resolutions"] = last_frame_resolutions
    out["ratios"] = ratios
    if image_ratios:
        out["image_ratios"] = image_ratios
    out["durations"] = durations
    if image_durations:
        out["image_durations"] = image_durations
    # watermark and seed: every model of the comparison (S3:18831, S3:18834).
    out.update({"fps": fps, "camera_fixed": camera_fixed, "watermark": True, "seed": True, "source": source})
    return out


VIDEO = {
    # t2v and i2v from a first frame; i2v adds `adaptive` (S3:18761-18762).
    "doubao-seedance-1-0-pro-250528": video_entry(
        True, True, False, ALL_RESOLUTIONS, SEEDANCE_RATIOS, [5, 10], [24], True,
        "S3:18655-18658; S3:18718-18762, S3:18820-18837",
        image_ratios=SEEDANCE_RATIOS + ["adaptive"]),
    "doubao-seedance-1-0-lite-t2v-250428": video_entry(
        True, False, False, ALL_RESOLUTIONS, SEEDANCE_RATIOS, [5, 10], [24], True,
        "S3:18660-18662; S3:18718-18787, S3:18820-18837"),
    # From an image only; first + last frame at 480p/720p only (S3:18665, S3:27270).
    "doubao-seedance-1-0-lite-i2v-250428": video_entry(
        False, True, True, ALL_RESOLUTIONS, SEEDANCE_RATIOS + ["adaptive"], [5, 10], [24], True,
        "S3:18664-18667; S3:18718-18727, S3:18787-18788, S3:18820-18837; S3:27270",
        last_frame_resolutions=["480p", "720p"], image_ratios=SEEDANCE_RATIOS + ["adaptive"]),
    "wan2-1-14b-t2v-250225": video_entry(
        True, False, False, ["480p", "720p"], ["16:9", "9:16"], [5], [16], False,
        "S3:18669-18671; S3:18728-18729, S3:18808-18816, S3:18820-18837"),
    "wan2-1-14b-i2v-250225": video_entry(
        False, True, False, ["480p", "720p"], ["keep_ratio"], [5], [16], False,
        "S3:18674-18676; S3:18729-18730, S3:18816-18817, S3:18820-18837; S3:27425",
        image_ratios=["keep_ratio"]),
    "wan2-1-14b-flf2v-250417": video_entry(
        False, True, True, ["720p"], ["keep_ratio"], [5], [16], False,
        "S3:18679-18681; S3:18730, S3:18817-18818, S3:18820-18837",
        needs_last=True, image_ratios=["keep_ratio"]),
    # 720p from text, 480p too from an image; 9:21 only here; 10 s from text only (S3:18684-18690,
    # S3:18727-18728, S3:18788-18808, S3:18825); i2v defaults to `adaptive` (S3:27426).
    "doubao-seaweed-241128": video_entry(
        True, True, False, ["720p"], ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "9:21"], [5, 10], [24],
        False, "S3:18684-18690; S3:18727-18728, S3:18788-18808, S3:18820-18837; S3:27426",
        image_resolutions=["480p", "720p"],
        image_ratios=["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "9:21", "adaptive"], image_durations=[5]),
}


def first_replacement(rec):
    if isinstance(rec, list):
        return rec[0], rec[1:]
    return rec, []


def lifecycle(ref, ids):
    l = ref["lifecycle"]
    provider = ref["provider"]
    status = l.get("status")
    out = {"state_as_published": status}
    if status == "referenced_only":
        out["unknown"] = True
        out["reason"] = "only named as a replacement; the sources say nothing else about it"
        return out

    if provider == "volcengine-ark":
        out["notice"] = date_obj(l.get("notice_date"), provider)
        out["eom"] = date_obj(l.get("eom"), provider)
        out["eos"] = date_obj(l.get("eos"), provider)
    elif provider == "anthropic":
        nd = l.get("notice_date")
        out["notice"] = {"at": instant(nd["date"], provider), "time_stated": False,
                         "source": ANTHROPIC_NOTICE_SOURCE.get(nd["date"], nd.get("source"))} if nd else None
        out["eom"] = None
        eos = l.get("eos")
        out["eos"] = date_obj(eos, provider, {"tentative": eos.get("kind") == "tentative"}) if eos else None
        epr = l.get("earliest_possible_retirement")
        if epr:
            out["earliest_retirement"] = {"at": instant(epr["date"], provider), "time_stated": False,
                                          "source": epr.get("source"),
                                          "note": "不早於 = not sooner than: informational, never a retirement"}
    else:  # krea
        out["notice"] = None
        out["eom"] = None
        eos = l.get("eos")
        out["eos"] = date_obj(eos, provider) if eos else None

    rec, alternatives = first_replacement(l.get("recommended_replacement"))
    auto = l.get("automatic_replacement_at_eos") or {}
    replacement = rec.get("model_id") if rec else None
    alt = [a["model_id"] for a in alternatives if a.get("model_id")]
    if rec and rec.get("candidates"):
        alt = list(rec["candidates"])
    out["replacement"] = replacement
    if rec and rec.get("as_written") and rec.get("as_written") != replacement:
        out["replacement_as_written"] = rec["as_written"]
    out["replacement_kind"] = {"replace": "migrate", "migrate": "migrate", "replace_path": "migrate",
                               "upgrade_recommended": "upgrade", "shutdown": None, "other_ark_models": None,
                               "none": None}.get(rec.get("action") if rec else None)
    out["replacement_external"] = bool(replacement) and replacement not in ids
    if alt:
        out["alternatives"] = alt

    action = auto.get("action")
    out["at_eos"] = {"replace": "replace", "replace_not_forced": "replace_not_forced", "shutdown": "shutdown",
                     "other_ark_models": "other_models", "requests_fail": "requests_fail",
                     "http_410_gone": "http_410", None: None}[action]
    out["auto_replacement"] = auto.get("model_id") if action in ("replace", "replace_not_forced") else None

    if provider == "volcengine-ark" and l.get("batch"):
        out["batch"] = l["batch"]
        out["reason"] = f"Volcengine Ark retirement batch {l['batch']}"
        out["source"] = f"seed 000, batch {l['batch']}; row {l.get('row_source')}"
    elif provider == "volcengine-ark":
        out["reason"] = None
        out["source"] = l.get("status_basis")
    elif provider == "anthropic":
        out["reason"] = {"deprecated": "Anthropic deprecation", "retired": "Anthropic retirement"}.get(status)
        out["source"] = "seed 002, " + (l.get("status_label_source") or "")
    else:
        out["reason"] = "Krea: the provider discontinued the model"
        out["source"] = "seed 001, " + ((l.get("eos") or {}).get("source") or "")

    listings = []
    for o in l.get("other_listings") or []:
        if not str(o.get("row_source", "")).startswith("S0:"):
            continue  # the release-announcement rows are scrambled (catalog-notes I1); seed 000 only
        r, _ = first_replacement(o.get("recommended_replacement"))
        a = o.get("automatic_replacement_at_eos") or {}
        listings.append({"batch": o["batch"], "eos": date_obj(o.get("eos"), provider),
                         "replacement": r.get("model_id") if r else None,
                         "auto_replacement": a.get("model_id"), "source": o.get("row_source")})
    if listings:
        out["other_listings"] = listings
    if l.get("eos_row_override"):
        out["eos_elsewhere"] = date_obj(l["eos_row_override"], provider)
    if l.get("note"):
        out["note"] = l["note"]
    return out


def model(ref, ids):
    kind = KIND_MAP[ref.get("kind")]
    aliases = [a for a in ref.get("aliases") or [] if not a.startswith("POST ")]
    out = {
        "id": ref["id"],
        "aliases": aliases,
        "id_kind": ref.get("id_kind", "model_id"),
        "display_name": ref.get("display_name") or ref["id"],
        "provider": ref["provider"],
        "vendor": ref.get("vendor"),
        "family": ref.get("family"),
        "version": ref.get("version"),
        "kind": kind,
        "external": ref["lifecycle"].get("status") == "referenced_only",
        "limits": {
            "context_window": ref.get("context_window_tokens"),
            "max_input": ref.get("max_input_tokens"),
            "max_output": ref.get("max_output_tokens"),
            "default_max_output": ref.get("default_max_output_tokens"),
            "max_reasoning": ref.get("max_reasoning_tokens"),
            "max_completion_tokens": ref.get("max_completion_tokens_limit"),
        },
        "capabilities": capabilities(ref),
    }
    if ref["id"] in VIDEO:
        out["video"] = VIDEO[ref["id"]]
    out.update({
        "rate_limits": ref.get("rate_limits"),
        "free_quota_tokens": ref.get("free_quota_tokens"),
    })
    on, batch = pricing(ref)
    out["pricing"] = on
    if batch:
        out["batch_pricing"] = batch
    out["lifecycle"] = lifecycle(ref, ids)
    out["sources"] = ref.get("sources") or []
    if ref.get("conflicts"):
        out["conflicts"] = ref["conflicts"]
    if ref.get("notes"):
        out["notes"] = ref["notes"]
    return out


# --- checks against the seeds -------------------------------------------------------------------

def check_seed000(seeds, models):
    lines = (seeds / "000_a29284ce1fda2f1f.txt").read_text(encoding="utf-8").split("\n")
    numbers = {"五": 5, "四": 4, "三": 3, "二": 2, "一": 1}
    batches, cur, in_rows = {}, None, False
    for n, line in enumerate(lines, 1):
        m = re.match(r"# 第(.)批模型下线说明", line)
        if m:
            cur = {"rows": []}
            batches[numbers[m.group(1)]] = cur
            in_rows = False
            continue
        if cur is None:
            continue
        d = re.search(r"(\d{4})[年-](\d{1,2})[月-](\d{1,2})", line)
        day = "%04d-%02d-%02d" % tuple(map(int, d.groups())) if d else None
        if "启动&通知" in line:
            cur["notice"] = (day, n)
        elif "模型停止新购 |" in line:
            cur["eom"] = (day, n)
        elif "模型服务下线 |" in line:
            cur["eos"] = (day, n)
        elif line.startswith("## 下线模型"):
            in_rows = True
        elif in_rows and line.startswith("- ") and "|" in line and "**" not in line:
            cells = [c.strip() for c in line[2:].split("|")]
            cur["rows"].append((n, cells))
    by_norm = {}
    for m in models:
        for a in [m["id"]] + m["aliases"]:
            by_norm.setdefault(norm(a), m)
    problems = []
    for b, data in batches.items():
        for n, cells in data["rows"]:
            if b == 3 and n in (154, 155):
                continue  # the continuation of the seaweed replacement cell (catalog-notes I16)
            m = by_norm.get(norm(cells[0]))
            if m is None:
                problems.append(f"S0:{n}: {cells[0]} not in the catalog")
                continue
            lc = m["lifecycle"]
            listing = lc if lc.get("batch") == b else next(
                (o for o in lc.get("other_listings", []) if o["batch"] == b), None)
            if listing is None:
                problems.append(f"S0:{n}: {cells[0]} not listed in batch {b}")
                continue
            eos_day = listing["eos"]["at"][:10]
            if eos_day != data["eos"][0]:
                problems.append(f"S0:{n}: EOS {eos_day} != {data['eos'][0]}")
            if listing is lc:
                for key in ("notice", "eom"):
                    if lc[key]["at"][:10] != data[key][0]:
                        problems.append(f"S0:{n}: {key} {lc[key]['at'][:10]} != {data[key][0]} (S0:{data[key][1]})")
                    if f"S0:{data[key][1]}" not in (lc[key]["source"] or ""):
                        problems.append(f"{m['id']}: {key} source {lc[key]['source']} != S0:{data[key][1]}")
            if len(cells) >= 3:
                auto = cells[2]
                if auto == "关停":
                    ok = lc["at_eos"] == "shutdown" if listing is lc else listing["auto_replacement"] is None
                elif auto == "方舟平台其他模型":
                    ok = lc["at_eos"] == "other_models"
                else:
                    target = norm(auto.replace("（不强制切换）", ""))
                    ok = norm(listing["auto_replacement"] or "") == target
                if not ok:
                    problems.append(f"S0:{n}: automatic replacement {auto!r} differs")
    return problems


def check_seed002(seeds, models):
    lines = (seeds / "002_f9e0685398b3cdfe.txt").read_text(encoding="utf-8").split("\n")
    by_id = {m["id"]: m for m in models}
    problems = []
    for n, line in enumerate(lines, 1):
        m = re.match(r"\|\s*`([^`]+)`\s*\|\s*(\S+)\s*\|", line)
        if not m or n > 77:
            continue
        model_id, state = m.group(1), m.group(2)
        entry = by_id.get(model_id)
        if entry is None:
            problems.append(f"S2:{n}: {model_id} missing")
            continue
        want = {"活躍": "active", "已棄用": "deprecated", "舊版": "legacy"}.get(state)
        if entry["lifecycle"]["state_as_published"] != want:
            problems.append(f"S2:{n}: {model_id} state {state}")
    return problems


def check_seed003_video(seeds, models):
    """Re-reads the video generation guide's model table (S3:18642-18690) and text-command comparison
    (S3:18697-18837) and compares them with every "video" object."""
    lines = (seeds / "003_48a68e8d461a233e.txt").read_text(encoding="utf-8").split("\n")
    video = {m["id"]: m["video"] for m in models if m.get("video")}
    problems = []
    if set(video) != {m["id"] for m in models if m["kind"] == "video-generation" and
                      m["provider"] == "volcengine-ark" and not m["external"]}:
        problems.append("the Ark video generation models and the \"video\" objects differ")

    # The model table: one block of lines per model id, up to the next id or the end of the table.
    page = next(n for n, line in enumerate(lines) if line == "Source: https://www.volcengine.com/docs/82379/1366799")
    start = next(n for n in range(page, len(lines)) if lines[n].startswith("## 支持模型"))
    end = next(n for n in range(start, len(lines)) if lines[n].startswith("## API 参数说明"))
    blocks, current = {}, None
    for n in range(start, end):
        m = re.search(r"\|\s*((?:doubao-seedance|doubao-seaweed|wan2-1-14b)(?:-[a-z0-9-]+)?-\d{6})\s*\|", lines[n])
        if m:
            current = m.group(1)
            blocks[current] = []
        if current:
            blocks[current].append((n + 1, lines[n]))
    if set(blocks) != set(video):
        problems.append(f"S3:{start + 1}: the table lists {sorted(blocks)}; the catalog describes {sorted(video)}")
    for model_id, block in blocks.items():
        v = video.get(model_id)
        where = f"S3:{block[0][0]}"
        if v is None:
            problems.append(f"{where}: {model_id} has no \"video\" object")
            continue
        text = " ".join(line for _, line in block)
        res = re.search(r"分辨率：([^|]*)\|", text)
        table_res = {r.strip() for r in res.group(1).split("，")} if res else set()
        ours = set(v["resolutions"]) | set(v.get("image_resolutions", []))
        if table_res != ours:
            problems.append(f"{where}: {model_id} resolutions {sorted(table_res)} != {sorted(ours)}")
        fps = re.search(r"帧率：(\d+) fps", text)
        if not fps or [int(fps.group(1))] != v["fps"]:
            problems.append(f"{where}: {model_id} fps differs")
        t2v = re.search(r"文生视频：([^|]*)\|", text)
        i2v = re.search(r"图生视频：([^|]*)\|", text)
        if t2v and i2v:  # durations per mode (seaweed)
            want_text = [int(d) for d in re.findall(r"(\d+)\s*秒", t2v.group(1))]
            want_image = [int(d) for d in re.findall(r"(\d+)\s*秒", i2v.group(1))]
        else:
            dur = re.search(r"时长：([^|]*)\|", text)
            want_text = want_image = [int(d) for d in re.findall(r"(\d+)\s*秒", dur.group(1))] if dur else []
        image_durations = v.get("image_durations") or v["durations"]
        if v["text_to_video"] and want_text != v["durations"]:
            problems.append(f"{where}: {model_id} durations {want_text} != {v['durations']}")
        if v["first_frame"] and want_image != image_durations:
            problems.append(f"{where}: {model_id} image durations {want_image} != {image_durations}")
        modes = {"text": "文生视频" in text.split("分辨率")[0] or "|文生视频 |" in text,
                 "first": "图生视频-基于首帧" in text,
                 "last": "首尾帧" in text.replace("首尾帧不支持", "")}
        if (modes["text"], modes["first"] or modes["last"], modes["last"]) != (
                v["text_to_video"], v["first_frame"], v["last_frame"]):
            problems.append(f"{where}: {model_id} modes {modes} differ")
        if v["needs_last_frame"] != ("基于首尾帧" in text):
            problems.append(f"{where}: {model_id} needs_last_frame differs")
        if ("首尾帧不支持1080p" in text) != ("1080p" not in v.get("last_frame_resolutions", ["1080p"])):
            problems.append(f"{where}: {model_id} first+last frame resolutions differ (S3:27270)")

    # The comparison: its columns name the models (without version) in the header; the rows fps,
    # watermark, seed and camerafixed hold one cell per column.
    start = next(n for n in range(page, len(lines)) if lines[n].startswith("### 模型文本命令比较"))
    header_end = next(n for n in range(start, len(lines)) if lines[n].startswith("|---"))
    columns = re.findall(r"\|((?:doubao-seedance|doubao-seaweed|wan2-1-14b)-?[a-z0-9-]*) \|",
                         "\n".join(lines[start:header_end]))
    rows = {}
    for n in range(header_end, header_end + 130):
        for key, label in (("fps", "帧率"), ("watermark", "是否包含水印"), ("seed", "种子整数"),
                           ("camera_fixed", "是否固定摄像头")):
            if lines[n].lstrip("|").strip().startswith(label):
                rows[key] = (n + 1, [c.strip() for c in lines[n].split("|")[2:-1]])
    if len(columns) != 7 or len(rows) != 4:
        problems.append(f"S3:{start + 1}: the comparison table could not be read ({columns}, {list(rows)})")
        return problems
    for i, column in enumerate(columns):
        for model_id, v in video.items():
            if not model_id.startswith(column + "-"):
                continue
            for key, (n, cells) in rows.items():
                want = [int(cells[i])] if key == "fps" else cells[i] == "✅"
                if v[key] != want:
                    problems.append(f"S3:{n}: {model_id} {key} {v[key]} != {want}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    here = Path(__file__).resolve().parent
    ap.add_argument("--reference", default="/work/shared/notes/catalog-reference.json")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--out", default=str(here / "catalog.json"))
    args = ap.parse_args()

    ref = json.loads(Path(args.reference).read_text(encoding="utf-8"))
    ids = {m["id"] for m in ref["models"]}
    models = [model(m, ids) for m in ref["models"]]

    seen = {}
    for m in models:
        for a in [m["id"]] + m["aliases"]:
            key = norm(a)
            if seen.setdefault(key, m["id"]) != m["id"]:
                raise SystemExit(f"{a} matches both {seen[key]} and {m['id']}")

    if args.seeds:
        problems = (check_seed000(Path(args.seeds), models) + check_seed002(Path(args.seeds), models) +
                    check_seed003_video(Path(args.seeds), models))
        if problems:
            print("\n".join(problems), file=sys.stderr)
            raise SystemExit(1)

    catalog = {
        "schema_version": SCHEMA_VERSION,
        "version": CATALOG_VERSION,
        "generated_from": "shared/notes/catalog-reference.json, corrected against the seeds (FORMAT.md)",
        "sources": ref.get("sources"),
        "providers": PROVIDERS,
        "models": models,
    }
    Path(args.out).write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {}
    for m in models:
        counts[m["provider"]] = counts.get(m["provider"], 0) + 1
    print(f"{len(models)} models: {counts}")


if __name__ == "__main__":
    main()
