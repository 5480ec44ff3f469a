import { requirePageActor } from "@/app/_auth/current-actor";
import { revokeTokenAction } from "@/app/admin/tokens/actions";
import { CreateTokenForm } from "@/components/admin/CreateTokenForm";
import { ConfirmSubmitButton } from "@/components/ui/ConfirmSubmitButton";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";

export const metadata = { title: "API tokens · Copydesk" };

export default async function TokensPage() {
  const actor = await requirePageActor("api-token:manage");
  const [tokens, users] = await Promise.all([
    listApiTokens({ db, actor }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">API tokens</h1>
      <p className="mb-6 text-stone-700">
        A token acts as the user it belongs to, with that user&apos;s role. Send it as <code>Authorization: Bearer &lt;token&gt;</code>. It is shown
        once; only a hash is kept. Four-eyes counts whoever made a token as well as its user: a token you make for someone else never
        approves or decides a change you wrote.
      </p>
      <CreateTokenForm users={users} />
      <table className="mt-6 w-full border-collapse bg-white text-left text-sm shadow-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="border-b border-stone-300 bg-stone-100">
          <tr>
            <th scope="col" className="p-2">Name</th>
            <th scope="col" className="p-2">Acts as</th>
            <th scope="col" className="p-2">Made by</th>
            <th scope="col" className="p-2">Token</th>
            <th scope="col" className="p-2">Last used</th>
            <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-b border-stone-200">
              <td className="p-2">{t.name}</td>
              <td className="p-2">
                {t.user.name} <span className="text-xs text-stone-600">({t.user.role})</span>
              </td>
              <td className="p-2">{t.createdBy.name}</td>
              <td className="p-2 font-mono">{t.prefix}…</td>
              <td className="p-2">{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
              <td className="p-2">
                {t.revokedAt ? (
                  <span className="text-stone-600">revoked</span>
                ) : (
                  <form action={revokeTokenAction}>
                    <input type="hidden" name="id" value={t.id} />
                    <ConfirmSubmitButton
                      className="btn btn-danger"
                      label={`Revoke ${t.name}`}
                      question={`Revoke “${t.name}”? Whatever uses this token stops working at once, and it cannot be undone.`}
                    >
                      Revoke
                    </ConfirmSubmitButton>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
