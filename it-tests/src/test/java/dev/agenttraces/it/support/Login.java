package dev.agenttraces.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signs a browser in through the host's real login page, and out again. */
public final class Login {

    private Login() {
    }

    /** Signs in as {@code username} (signing out any previous user first) and waits for the boards page. */
    public static void as(WebDriver driver, String base, String username, String password) {
        as(driver, base, username, password, username);
    }

    /** Signs in as {@code username}, opens the host page {@code path} and waits for PrimeFaces. */
    public static void open(WebDriver driver, String base, String username, String password, String path) {
        as(driver, base, username, password);
        driver.get(base + path);
        Browser.awaitPrimeFaces(driver);
    }

    /** As {@link #as(WebDriver, String, String, String)} for a user the host shows by name (the demo's). */
    public static void as(WebDriver driver, String base, String username, String password, String shownAs) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login.xhtml");
        Browser.awaitPrimeFaces(driver);
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBe(By.id("signed-in-user"), shownAs));
        Browser.awaitPrimeFaces(driver);
    }
}
