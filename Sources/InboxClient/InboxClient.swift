// Placeholder until the InboxClient layer lands.
