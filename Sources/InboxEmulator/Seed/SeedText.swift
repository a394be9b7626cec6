/// Word lists the demo team's people and messages are drawn from.
enum SeedText {
    static let firstNames = [
        "Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas",
        "Kemi", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara",
        "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dev",
        "Esme", "Felix", "Gita", "Hugo", "Ines", "Jack", "Kira", "Leo", "Mina", "Nico",
    ]

    static let lastNames = [
        "Adams", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito",
        "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn",
        "Rossi", "Silva", "Tanaka", "Ueda", "Vargas", "Weber", "Xu", "Yilmaz", "Zhang",
        "Andersen", "Bianchi", "Chen", "Diaz", "Eriksen", "Ferreira", "Gupta",
    ]

    static let joiners = ["", "_", "", "_"]

    static let companySuffixes = ["Labs", "HQ", "Studio", "Systems"]

    static let bios = [
        "Building tools for small teams.", "Founder. Coffee, climbing, compilers.",
        "Growth at a B2B startup. Opinions my own.", "Designer who writes code.",
        "Investor in early-stage SaaS.", "Journalist covering tech and work.",
        "Customer success lead.", "Engineer. Shipping every Friday.",
        "Podcast host: conversations with operators.", "Ops nerd, spreadsheet enjoyer.",
    ]

    static let locations = [
        "San Francisco, CA", "London, UK", "Berlin, Germany", "Lagos, Nigeria",
        "Toronto, Canada", "Austin, TX", "Singapore", "São Paulo, Brazil", "Paris, France",
        "Remote",
    ]

    static let notes = [
        "Met at the SaaS meetup.", "Asked for a demo next quarter.",
        "Prefers DMs over email.", "Renewal due in January.",
    ]

    static let outbound = [
        "Hi! Thanks for following Acme. Anything we can help with?",
        "Happy to set up a quick demo this week if you're interested.",
        "Following up on my last message: does Thursday work?",
        "Thanks, I've passed this on to the team.",
        "Here's the link to our pricing page: https://acme.example/pricing",
        "Sorry about that! A fix is rolling out today.",
    ]

    static let inbound = [
        "Hey, quick question about your API limits.",
        "Thanks! Would love a demo.", "Can you send me the pricing?",
        "We're evaluating a few tools right now.", "The export button isn't working for me.",
        "Sounds good, talk soon.", "Is there a discount for startups?",
    ]
}
