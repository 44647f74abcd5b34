import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fr } from "../../src/i18n/fr.js";
import { startMailCatcher } from "../support/mail-catcher.js";
import { describeJourneys, type JourneyServer, startJourneyServer } from "../support/web-journeys.js";
import { expectAccessible, expectNoEnglish, openPage } from "../support/web-page.js";

const password = "une phrase de passe assez longue";
const passwordField = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

describeJourneys("French interface and password reset by e-mail ($name)", (dialect) => {
  let server: JourneyServer;
  let browser: Browser;
  let baseUrl: string;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;

  beforeAll(async () => {
    mail = await startMailCatcher();
    // The reset link is built from the server's public URL, which the journey server sets to its own.
    server = await startJourneyServer(dialect, { server: { accounts: { smtpUrl: mail.url } } });
    ({ browser, baseUrl } = server);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await mail?.close();
  });

  it("runs the whole account journey in French, with nothing left in English", async () => {
    const { page, errors, close } = await openPage(browser, "fr-FR", baseUrl);
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: fr["web.landing.title"] }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.title()).toBe("Carnet · Carnet");
    await expectNoEnglish(page, fr);

    await page.getByRole("main").getByRole("link", { name: "Créer un compte" }).click();
    await page.getByRole("heading", { name: "Créez votre compte" }).waitFor();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByText("Remplissez ce champ.").first().waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "inscription (fr)");
    await page.getByLabel("Votre nom").fill("Marie Curie");
    await page.getByLabel("Adresse e-mail").fill("marie@example.org");
    await passwordField(page, "Mot de passe").fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { name: "Mes plans" }).waitFor();
    await page.getByText("Bienvenue, Marie Curie ! Votre compte est prêt.").waitFor();
    await page.getByTestId("plans-empty").getByText(fr["web.plans.empty.all.title"]).waitFor();
    expect(await page.title()).toBe("Mes plans · Carnet");
    await expectNoEnglish(page, fr);

    // The account was created in the interface language.
    await page.goto("/account");
    await page.getByRole("heading", { name: "Votre compte" }).waitFor();
    expect(await page.getByLabel("Langue préférée").inputValue()).toBe("fr");
    await page.getByLabel("Votre nom").fill("Marie Skłodowska-Curie");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Votre profil est enregistré.").waitFor();
    await page.getByRole("button", { name: "Menu du compte de Marie Skłodowska-Curie" }).waitFor();

    // A wrong current password is reported next to its field, in French.
    await passwordField(page, "Mot de passe actuel").fill("pas le bon mot de passe");
    await passwordField(page, "Nouveau mot de passe").fill("une autre phrase de passe");
    await passwordField(page, "Confirmez le nouveau mot de passe").fill("une autre phrase de passe");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.getByText("Ce n’est pas votre mot de passe actuel.").waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "compte (fr)");

    await page.goto("/account/tokens");
    await page.getByRole("heading", { name: "Jetons d’API personnels" }).waitFor();
    await page.getByText(fr["web.tokens.list.empty"]).waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "jetons (fr)");

    await page.getByRole("button", { name: "Menu du compte de Marie Skłodowska-Curie" }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await page.getByText("Vous êtes déconnecté.").waitFor();

    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill("marie@example.org");
    await passwordField(page, "Mot de passe").fill("mauvais mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    const error = page.getByTestId("form-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("L’adresse e-mail ou le mot de passe est incorrect.");
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "connexion avec erreur (fr)");

    // Switching the language changes every text at once, and the choice survives a reload.
    await page.getByText("English").click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("resets a forgotten password through the link sent by e-mail", async () => {
    const { page, errors, close } = await openPage(browser, "fr-FR", baseUrl);
    await page.goto("/sign-up");
    await page.getByLabel("Votre nom").fill("Irène Joliot-Curie");
    await page.getByLabel("Adresse e-mail").fill("irene@example.org");
    await passwordField(page, "Mot de passe").fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.getByRole("heading", { name: "Mes plans" }).waitFor();
    await page.getByRole("button", { name: "Menu du compte de Irène Joliot-Curie" }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await page.getByText("Vous êtes déconnecté.").waitFor();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByRole("heading", { name: "Réinitialiser votre mot de passe" }).waitFor();
    await expectAccessible(page, "mot de passe oublié (fr)");
    await page.getByLabel("Adresse e-mail").fill("irene@example.org");
    await page.getByRole("button", { name: "Envoyer le lien" }).click();
    await page.getByTestId("reset-requested").waitFor();
    expect(await page.getByTestId("reset-requested").textContent()).toContain("irene@example.org");

    const message = await mail.waitFor("irene@example.org");
    expect(message.headers).toMatch(/^content-language:\s*fr/im);
    const link = /(http:\/\/\S+\/reset-password\?token=[\w%.-]+)/.exec(message.text)?.[1];
    expect(link, message.text).toBeDefined();
    expect(link?.startsWith(`${baseUrl}/reset-password?token=`)).toBe(true);

    await page.goto(link ?? "");
    await page.getByRole("heading", { name: "Choisissez un nouveau mot de passe" }).waitFor();
    await passwordField(page, "Nouveau mot de passe").fill("la nouvelle phrase de passe");
    await passwordField(page, "Confirmez le nouveau mot de passe").fill("une phrase différente");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await page.getByText("Les deux mots de passe diffèrent.").waitFor();
    await expectNoEnglish(page, fr);
    await expectAccessible(page, "nouveau mot de passe (fr)");
    await passwordField(page, "Confirmez le nouveau mot de passe").fill("la nouvelle phrase de passe");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await page.getByText("Votre mot de passe est changé. Connectez-vous avec lui.").waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");

    // The old password no longer works; the new one does.
    await page.getByLabel("Adresse e-mail").fill("irene@example.org");
    await passwordField(page, "Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("L’adresse e-mail ou le mot de passe est incorrect.").waitFor();
    await passwordField(page, "Mot de passe").fill("la nouvelle phrase de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Mes plans" }).waitFor();

    // The link works once only.
    await page.goto(link ?? "");
    await passwordField(page, "Nouveau mot de passe").fill("encore une autre phrase");
    await passwordField(page, "Confirmez le nouveau mot de passe").fill("encore une autre phrase");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await page.getByText(fr["error.reset_token_invalid"]).waitFor();
    await page.getByRole("link", { name: "Demander un nouveau lien" }).waitFor();

    // Without a token, the page says where to get one.
    await page.goto("/reset-password");
    await page.getByText(fr["web.reset.no_token"]).waitFor();
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
