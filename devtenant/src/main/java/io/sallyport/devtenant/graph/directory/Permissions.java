package io.sallyport.devtenant.graph.directory;

/**
 * The permissions each directory API documents, least privileged first; a token needs any one
 * (delegated scopes for user tokens, application roles for app-only ones).
 */
final class Permissions {

  static final String[] USERS_READ = {"User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All",
      "Directory.Read.All", "Directory.ReadWrite.All"};
  /** A signed-in user may always read their own profile with User.Read. */
  static final String[] ME = {"User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All",
      "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"};
  static final String[] GROUPS_READ = {"GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All",
      "Directory.Read.All", "Directory.ReadWrite.All"};
  /** memberOf, transitiveMemberOf, getMemberObjects, checkMemberGroups on a user. */
  static final String[] MEMBERSHIP_READ = {"GroupMember.Read.All", "Group.Read.All", "User.Read.All",
      "Group.ReadWrite.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"};
  /** The same on /me: the user's own memberships need only User.Read. */
  static final String[] MY_MEMBERSHIP_READ = {"User.Read", "GroupMember.Read.All", "Group.Read.All",
      "User.Read.All", "Group.ReadWrite.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"};
  static final String[] APPS_READ = {"Application.Read.All", "Application.ReadWrite.OwnedBy",
      "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"};
  static final String[] APPS_WRITE = {"Application.ReadWrite.OwnedBy", "Application.ReadWrite.All",
      "Directory.ReadWrite.All"};

  private Permissions() {}
}
