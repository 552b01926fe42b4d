"""The campaign list and the reader's page cost the same number of queries however many rows they show."""

from aims.accounts.models import User
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import Document, DocumentVersion


def _fill(personas, count, start):
    for number in range(start, start + count):
        document = Document.objects.create(
            organization=personas.org, reference=f"DOC-{number:03d}", title=f"Doc {number}", kind="policy"
        )
        version = DocumentVersion.objects.create(document=document, number=1, state="published", body="x")
        campaign = Campaign.objects.create(
            organization=personas.org, version=version, started_by=personas.owner
        )
        AcknowledgementRequest.objects.bulk_create(
            [AcknowledgementRequest(campaign=campaign, recipient=user)
             for user in (personas.viewer, personas.auditor)]
        )  # fmt: skip


def test_the_campaign_list_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    _fill(personas, 2, 0)
    with django_assert_max_num_queries(12) as small:
        assert client.get("/o/acme/acknowledgements/").status_code == 200
    _fill(personas, 20, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get("/o/acme/acknowledgements/").content.decode()
    assert page.count("<strong>0 / 2</strong>") == 22


def test_my_acknowledgements_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    _fill(personas, 2, 0)
    with django_assert_max_num_queries(12) as small:
        assert client.get("/o/acme/acknowledgements/mine/").status_code == 200
    _fill(personas, 8, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get("/o/acme/acknowledgements/mine/").content.decode()
    assert page.count("I have read and understood this") == 10


def test_the_campaign_page_and_its_requests_take_a_fixed_number_of_queries(
    personas, django_assert_max_num_queries
):
    _fill(personas, 1, 0)
    campaign = Campaign.objects.get()
    client = personas.client("viewer")
    urls = (
        f"/o/acme/acknowledgements/{campaign.pk}/",
        f"/api/v1/acknowledgements/campaigns/{campaign.pk}/requests",
    )
    counts = []
    for url in urls:
        with django_assert_max_num_queries(12) as small:
            assert client.get(url).status_code == 200
        counts.append(len(small.captured_queries))
    people = User.objects.bulk_create([User(email=f"reader{n}@acme.test") for n in range(15)])
    AcknowledgementRequest.objects.bulk_create(
        [AcknowledgementRequest(campaign=campaign, recipient=p) for p in people]
    )
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            body = client.get(url).content.decode()
        assert body.count("reader") >= 15
