"""The Python side of bench-client: the same work as the Swift client, timed in-process.

Usage: bench.py STREAM_FILE BASE_URL PAGE_SIZE. Reads one command a line from stdin
("decode" or "paging"), runs one round of it and answers with its duration in seconds, so
that the Swift side can interleave its rounds with Python's on a busy machine.
"""
import json
import sys
import time

import httpx


class Thread:
    """The same typed fields the Swift model reads, plus the raw object."""

    __slots__ = ("json", "id", "platform", "platform_id", "account_link_id", "assignee_id",
                 "archived", "unread", "is_request", "contact_id", "profile_id", "created_at")

    def __init__(self, obj):
        self.json = obj
        self.id = obj["id"]
        self.platform = obj["platform"]
        self.platform_id = obj.get("platformId")
        self.account_link_id = obj["accountLinkId"]
        self.assignee_id = obj.get("assigneeId")
        self.archived = obj.get("archived", obj.get("done", False))
        self.unread = obj.get("unread")
        self.is_request = obj.get("isRequest", False)
        self.contact_id = obj.get("contactId")
        self.profile_id = obj.get("profileId")
        self.created_at = obj.get("createdAt")


class Contact:
    __slots__ = ("json", "id", "profiles", "status_id", "tag_ids", "notes", "valuation",
                 "assignee_id")

    def __init__(self, obj):
        self.json = obj
        self.id = obj["id"]
        self.profiles = [(p["id"], p["platformId"], p.get("followerCount"))
                         for p in obj.get("profiles") or []]
        self.status_id = obj.get("statusId")
        self.tag_ids = list(obj.get("tagIds") or [])
        self.notes = obj.get("notes")
        self.valuation = obj.get("valuation")
        self.assignee_id = obj.get("assigneeId")


def decode(pages):
    count = 0
    for page in pages:
        for item in json.loads(page)["data"]:
            Thread(item)
            if "contact" in item:
                Contact(item["contact"])
            count += 1
    return count


def page_all(client, base_url, page_size):
    threads = []
    cursor = None
    seen = set()
    while True:
        params = [("limit", page_size)] + ([("cursor", cursor)] if cursor else [])
        response = client.get(base_url + "/threads", params=params,
                              headers={"Authorization": "Bearer bench"})
        response.raise_for_status()
        body = response.json()
        threads.extend(Thread(item) for item in body["data"])
        cursor = body["nextCursor"]
        if cursor is None:
            return len(threads)
        if cursor in seen:
            raise RuntimeError("repeated cursor")
        seen.add(cursor)


def timed(work, clock=time.perf_counter):
    start = clock()
    work()
    return clock() - start


def main():
    stream_file, base_url, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(stream_file, "rb") as handle:
        pages = [line for line in handle.read().split(b"\n") if line]
    with httpx.Client() as client:
        work = {
            "decode": lambda: decode(pages),
            "paging": lambda: page_all(client, base_url, page_size),
        }
        for line in sys.stdin:
            command = line.strip()
            # Decoding is CPU-bound: the thread's CPU time, as the Swift side measures it.
            clock = time.thread_time if command == "decode" else time.perf_counter
            print(timed(work[command], clock), flush=True)


main()
